// The language of a report or a message: Chinese or English. Plain data, chosen once per run by
// the command line (cli::choose_lang) and handed down to the audit (plan labels) and renderers.
#pragma once

namespace camaudit {

enum class Lang { Zh, En };

}  // namespace camaudit

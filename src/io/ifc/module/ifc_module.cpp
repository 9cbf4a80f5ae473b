// The camaudit-ifc module's entry points (ifc_api.hpp): the reader behind a barrier that
// nothing crosses but plain data. What IFC++ or Carve throws becomes a problem; what they
// print (IFC++ writes to std::wcout, Carve to std::cerr) goes nowhere, for camaudit's
// standard output is its report.
#include <fmt/format.h>
#include <iostream>
#include <mutex>
#include <new>
#include <streambuf>
#include <string_view>

#include "io/ifc/ifc_api.hpp"
#include "io/ifc/module/ifc_reader.hpp"
#include "io/ifc/step_scan.hpp"

namespace camaudit::io::ifc {

namespace {

class NullBuffer : public std::streambuf {
  protected:
    int_type overflow(int_type c) override { return traits_type::not_eof(c); }
};

class NullWideBuffer : public std::wstreambuf {
  protected:
    int_type overflow(int_type c) override { return traits_type::not_eof(c); }
};

// Sends the standard streams to nowhere while it lives.
class Silence {
  public:
    Silence()
        : out_(std::cout.rdbuf(&null_)),
          err_(std::cerr.rdbuf(&null_)),
          log_(std::clog.rdbuf(&null_)),
          wout_(std::wcout.rdbuf(&wnull_)),
          werr_(std::wcerr.rdbuf(&wnull_)),
          wlog_(std::wclog.rdbuf(&wnull_)) {}
    ~Silence() {
        std::cout.rdbuf(out_);
        std::cerr.rdbuf(err_);
        std::clog.rdbuf(log_);
        std::wcout.rdbuf(wout_);
        std::wcerr.rdbuf(werr_);
        std::wclog.rdbuf(wlog_);
    }
    Silence(const Silence&) = delete;
    Silence& operator=(const Silence&) = delete;

  private:
    NullBuffer null_;
    NullWideBuffer wnull_;
    std::streambuf* out_;
    std::streambuf* err_;
    std::streambuf* log_;
    std::wstreambuf* wout_;
    std::wstreambuf* werr_;
    std::wstreambuf* wlog_;
};

// After a failure half way, only the problems are kept (Model::read() is false).
void fail(Model& model, std::string detail) {
    auto problems = std::move(model.problems);
    model = Model{};
    model.problems = std::move(problems);
    model.problems.push_back(file_problem(ProblemKind::reader_failed, std::move(detail)));
}

}  // namespace

}  // namespace camaudit::io::ifc

extern "C" const char* camaudit_ifc_module_abi(void) {
    return CAMAUDIT_IFC_ABI;
}

extern "C" void camaudit_ifc_read(const char* text, std::size_t size,
                                  const camaudit::io::ifc::ReadOptions* options,
                                  camaudit::io::ifc::Model* model) {
    using namespace camaudit::io::ifc;
    if (!model) return;
    static std::mutex mutex;
    const std::lock_guard lock(mutex);
    const Silence silence;
    const ReadOptions defaults;
    const auto& opts = options ? *options : defaults;
    try {
        if (size > opts.max_bytes || size > (std::size_t{1} << 31) - 1) {
            const auto limit =
                std::min<std::uint64_t>(opts.max_bytes, (std::uint64_t{1} << 31) - 1);
            model->problems.push_back(file_problem(
                ProblemKind::too_large,
                fmt::format("the file has {} bytes, more than the limit of {}", size, limit)));
            return;
        }
        if (!(opts.cut_height > -1000 && opts.cut_height < 1000)) {
            fail(*model, "the cut height must be a number of metres within ±1000");
            return;
        }
        read_model(std::string_view(text ? text : "", text ? size : 0), opts, *model);
    } catch (const std::bad_alloc&) {
        fail(*model, "out of memory while reading the model");
    } catch (const std::exception& e) {
        fail(*model, fmt::format("IFC++ failed: {}", e.what()));
    } catch (...) {
        fail(*model, "IFC++ failed with an exception that is not a std::exception");
    }
}

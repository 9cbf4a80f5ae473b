#include "audit/check_catalog.hpp"

namespace camaudit::audit {

const ParamSpec* CheckInfo::param(std::string_view n) const {
    for (const auto& p : params)
        if (p.name == n) return &p;
    return nullptr;
}

const std::vector<CheckInfo>& check_catalog() {
    using S = Severity;
    static const std::vector<CheckInfo> catalog = {
        {"forbidden-mount",
         S::Error,
         true,
         {},
         "a camera is installed inside a zone whose kind forbids cameras",
         "摄像机安装在禁止安装的区域内"},
        {"forbidden-view",
         S::Error,
         true,
         {{"min_overlap_m2", 0.01,
           "overlap of the viewshed with the zone above which it is a finding (m²)",
           "视域与区域重叠面积超过此值即报告（平方米）"},
          {"buffer_m", 2.0,
           "radius or half-width given to point and line zones without their own size (m)",
           "未给出尺寸的点、线区域的缓冲距离（米）"}},
         "a camera outside a forbidden zone sees into it",
         "摄像机视域进入禁止拍摄的区域"},
        {"proximity-consent",
         S::Error,
         true,
         {{"distance_m", 100.0,
           "plan distance from a classified zone within which consent is needed (m)",
           "距涉密区域在此平面距离内须取得同意（米）"}},
         "a camera near or seeing a classified zone lacks that unit's consent",
         "摄像机位于涉密单位周边或能拍摄到涉密区域，但未取得其同意"},
        {"mandatory-coverage",
         S::Error,
         true,
         {{"min_fraction", 0.8, "fraction of the zone that the cameras on its floor must see",
           "区域须被其楼层摄像机覆盖的最小比例"},
          {"min_px_per_m", std::nullopt,
           "only ground seen at this pixel density counts (px/m); off unless set",
           "仅计入像素密度不低于此值的覆盖（像素/米）；默认不启用"}},
         "a zone that must be watched is not covered enough",
         "应当安装的重点部位覆盖不足"},
        {"unauthorized-installer",
         S::Error,
         false,
         {},
         "a camera in a public zone is owned by a party with no duty or right to install it",
         "公共区域的摄像机由无权安装的单位或个人安装"},
        {"missing-signage",
         S::Error,
         false,
         {},
         "a camera in a public zone has no visible notice",
         "公共区域的摄像机未设置显著提示标识"},
        {"retention-too-short",
         S::Error,
         false,
         {{"min_days", 30.0, "the shortest retention allowed (days)", "最短保存期限（日）"}},
         "footage is kept for less than the minimum",
         "视频图像信息保存期限不足"},
        {"filing",
         S::Error,
         false,
         {{"max_days", 30.0, "days after delivery by which the system must be filed",
           "系统投入使用后须在此日数内备案"}},
         "the system's filing (备案) is missing, incomplete, invalid or late",
         "系统未备案、备案信息不全、统一社会信用代码无效或备案逾期"},
        {"private-overreach",
         S::Warning,
         false,
         {{"min_overlap_m2", 1.0,
           "overlap with another party's private zone above which it is a finding (m²)",
           "与他人非公共区域重叠面积超过此值即报告（平方米）"}},
         "a camera in a private zone sees another party's private zone",
         "非公共场所的摄像机拍摄他人非公共区域"},
        {"unbounded-ptz",
         S::Warning,
         false,
         {},
         "a PTZ camera without pan limits has a forbidden zone within its range",
         "无限位云台摄像机的拍摄范围内有禁止拍摄的区域"},
        {"assumed-default",
         S::Info,
         false,
         {},
         "values were assumed for a camera whose input does not give them (OpenStreetMap tags)",
         "摄像机的输入未给出部分数值（OpenStreetMap 标签），已按默认值假定"},
    };
    return catalog;
}

const CheckInfo* find_check(std::string_view name) {
    for (const auto& c : check_catalog())
        if (c.name == name) return &c;
    return nullptr;
}

}  // namespace camaudit::audit

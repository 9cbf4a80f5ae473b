// The 13 items of 公安部 规定 第十条, verbatim, with an English rendering and the articles of
// 条例 behind each; the scopes of 第十一条.
#include "audit/inspection.hpp"

namespace camaudit::audit {

namespace {

constexpr std::array<ItemText, 13> kItems = {{
    {1, "建设安装主体是否符合《条例》规定;",
     "Whether the unit that builds and installs the system complies with the Regulation;",
     "条例第七条第三款、第九条第一款", "Regulation art. 7(3), art. 9(1)"},
    {2, "是否设置显著的提示标识;", "Whether conspicuous notices are posted;", "条例第十三条",
     "Regulation art. 13"},
    {3, "是否拍摄涉密单位信息;", "Whether information of classified units is captured;",
     "条例第十条", "Regulation art. 10"},
    {4, "是否备案以及备案信息是否真实;",
     "Whether the system has been filed, and whether the filed information is true;",
     "条例第十四条", "Regulation art. 14"},
    {5, "系统是否正常运行;", "Whether the system operates normally;", "条例第十五条第一款",
     "Regulation art. 15(1)"},
    {6,
     "是否建立系统监看、管理等重要岗位人员的入职审查、保密教育、岗位培训,"
     "以及信息调用登记等管理制度;",
     "Whether management systems are in place for the pre-employment vetting, confidentiality "
     "education and job training of staff in important posts such as monitoring and managing "
     "the system, and for registering each access to the information;",
     "条例第十六条第二款第（一）项、第（三）项", "Regulation art. 16(2)(i), (iii)"},
    {7, "视频图像信息的保存期限是否符合《条例》规定;",
     "Whether the retention period of video images complies with the Regulation;", "条例第十七条",
     "Regulation art. 17"},
    {8,
     "是否按照相关标准开展公共安全视频系统建设,并妥善保管设计、施工、检验、验收等工作的档案资料;",
     "Whether the system was built according to the relevant standards, and the archives of "
     "its design, construction, testing, acceptance and other work are properly kept;",
     "条例第十一条", "Regulation art. 11"},
    {9, "图像采集设备的安装位置、拍摄角度和数据采集范围是否符合《条例》和强制性标准规定;",
     "Whether the installation positions, shooting angles and capture ranges of the cameras "
     "comply with the Regulation and the mandatory standards;",
     "条例第八条、第十三条、第三十三条", "Regulation art. 8, 13, 33"},
    {10, "公共安全视频系统采用的产品、服务是否符合国家标准的强制性要求;",
     "Whether the products and services that the system uses meet the mandatory requirements "
     "of national standards;",
     "条例第十二条", "Regulation art. 12"},
    {11, "是否采用完善的防攻击、防入侵、防病毒、防篡改、防泄露等安全技术措施;",
     "Whether sound technical security measures against attack, intrusion, viruses, tampering, "
     "leakage and the like are in place;",
     "条例第十五条第一款", "Regulation art. 15(1)"},
    {12, "是否定期维护设备设施;", "Whether the equipment and facilities are maintained regularly;",
     "条例第十五条第一款", "Regulation art. 15(1)"},
    {13, "是否采取规范内部人员查阅处理视频图像信息的授权管理、访问控制等技术措施。",
     "Whether technical measures such as authorization management and access control govern "
     "how internal staff view and process video images.",
     "条例第十六条第二款第（二）项", "Regulation art. 16(2)(ii)"},
}};

}  // namespace

const std::array<ItemText, 13>& inspection_item_texts() {
    return kItems;
}

bool in_scope(int item, std::string_view scope) {
    if (scope == "general") return item >= 1 && item <= 7;
    if (scope == "professional") return item >= 8 && item <= 13;
    return item >= 1 && item <= 13;
}

}  // namespace camaudit::audit

// GDAL, loaded when the first DXF drawing is read rather than linked. Linking libgdal makes
// every start load its 117 libraries (PDF, HDF, NetCDF, databases …) and resolve their
// symbols: about 35 ms, most of the 50 ms one building's audit may take, for a feature few
// runs use. The function pointers have the types of GDAL's own declarations (decltype), so
// a call through them is checked by the compiler like a direct call.
#pragma once

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal.h>
#include <ogr_api.h>

#include <string>

namespace camaudit::io {

// The GDAL C functions camaudit calls.
#define CAMAUDIT_GDAL_FUNCTIONS(X)   \
    X(GDALAllRegister)               \
    X(GDALOpenEx)                    \
    X(GDALClose)                     \
    X(GDALDatasetGetLayerByName)     \
    X(CPLPushErrorHandlerEx)         \
    X(CPLPopErrorHandler)            \
    X(CPLGetErrorHandlerUserData)    \
    X(CPLGetThreadLocalConfigOption) \
    X(CPLSetThreadLocalConfigOption) \
    X(CPLRecode)                     \
    X(VSIFree)                       \
    X(OGR_L_ResetReading)            \
    X(OGR_L_GetNextFeature)          \
    X(OGR_F_Destroy)                 \
    X(OGR_F_GetFieldIndex)           \
    X(OGR_F_IsFieldSetAndNotNull)    \
    X(OGR_F_GetFieldAsString)        \
    X(OGR_F_GetFieldAsDouble)        \
    X(OGR_F_GetFieldAsDoubleList)    \
    X(OGR_F_GetFieldAsStringList)    \
    X(OGR_F_GetGeometryRef)          \
    X(OGR_GT_Flatten)                \
    X(OGR_G_GetGeometryType)         \
    X(OGR_G_GetGeometryCount)        \
    X(OGR_G_GetGeometryRef)          \
    X(OGR_G_GetPointCount)           \
    X(OGR_G_GetX)                    \
    X(OGR_G_GetY)

struct GdalApi {
#define CAMAUDIT_GDAL_POINTER(name) decltype(&::name) name = nullptr;
    CAMAUDIT_GDAL_FUNCTIONS(CAMAUDIT_GDAL_POINTER)
#undef CAMAUDIT_GDAL_POINTER
};

// Loads libgdal (once per process; thread-safe) and registers its drivers. Nullptr, with
// `why` saying what failed, when the library or one of the functions cannot be found.
const GdalApi* load_gdal(std::string& why);

}  // namespace camaudit::io

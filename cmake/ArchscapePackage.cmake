# What a plugin built out of tree needs, in the "Development" install
# component: the engine's headers (include/archscape), its static library,
# and a CMake package, so that `find_package(Archscape)` gives the target
# Archscape::engine and the function archscape_add_plugin(). The LibTorch
# and ONNX libraries are not part of it.
include(CMakePackageConfigHelpers)

set(archscape_cmake_dir ${CMAKE_INSTALL_LIBDIR}/cmake/Archscape)
set_target_properties(archscape_engine PROPERTIES EXPORT_NAME engine)
set_target_properties(archscape_warnings PROPERTIES EXPORT_NAME warnings)

install(TARGETS archscape_engine archscape_warnings
        EXPORT ArchscapeTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT Development)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/engine/"
        DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/archscape
        COMPONENT Development
        FILES_MATCHING PATTERN "*.h"
        PATTERN "torch" EXCLUDE
        PATTERN "export" EXCLUDE)
install(EXPORT ArchscapeTargets
        NAMESPACE Archscape::
        DESTINATION ${archscape_cmake_dir}
        COMPONENT Development)

configure_package_config_file("${PROJECT_SOURCE_DIR}/cmake/ArchscapeConfig.cmake.in"
    "${PROJECT_BINARY_DIR}/ArchscapeConfig.cmake"
    INSTALL_DESTINATION ${archscape_cmake_dir})
# The plugin interface is C++: a plugin must be built against the headers of
# the very version it is loaded into.
write_basic_package_version_file("${PROJECT_BINARY_DIR}/ArchscapeConfigVersion.cmake"
    VERSION ${PROJECT_VERSION}
    COMPATIBILITY ExactVersion)
install(FILES
        "${PROJECT_BINARY_DIR}/ArchscapeConfig.cmake"
        "${PROJECT_BINARY_DIR}/ArchscapeConfigVersion.cmake"
        "${PROJECT_SOURCE_DIR}/cmake/ArchscapePlugin.cmake"
        DESTINATION ${archscape_cmake_dir}
        COMPONENT Development)

# archscape_add_plugin(<target> SOURCES <files...> [OUTPUT_DIRECTORY <dir>])
# A plugin: a shared library (MODULE) linked with its own copy of the engine
# library. Only its two entry points are exported; the engine code inside
# stays hidden (--exclude-libs), so it never binds to the host's copy or to
# another plugin's. Used in the source tree (plugins/, tests/plugins/) and,
# installed with ArchscapeConfig.cmake, by plugins built out of tree.
if(NOT ARCHSCAPE_ENGINE_TARGET)
    set(ARCHSCAPE_ENGINE_TARGET Archscape::engine)
endif()

function(archscape_add_plugin target)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "OUTPUT_DIRECTORY" "SOURCES")
    if(arg_UNPARSED_ARGUMENTS OR NOT arg_SOURCES)
        message(FATAL_ERROR "archscape_add_plugin(${target} SOURCES files... [OUTPUT_DIRECTORY dir])")
    endif()
    add_library(${target} MODULE ${arg_SOURCES})
    target_link_libraries(${target} PRIVATE ${ARCHSCAPE_ENGINE_TARGET})
    target_compile_features(${target} PRIVATE cxx_std_17)
    target_link_options(${target} PRIVATE "LINKER:--exclude-libs,ALL")
    set_target_properties(${target} PROPERTIES
        CXX_VISIBILITY_PRESET hidden
        VISIBILITY_INLINES_HIDDEN ON
        AUTOMOC OFF
        AUTOUIC OFF
        AUTORCC OFF)
    if(arg_OUTPUT_DIRECTORY)
        set_target_properties(${target} PROPERTIES LIBRARY_OUTPUT_DIRECTORY "${arg_OUTPUT_DIRECTORY}")
    endif()
endfunction()

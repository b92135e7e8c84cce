# Test and fuzz-target helpers. Every test gets ARCHSCAPE_SOURCE_DIR and
# ARCHSCAPE_SHARED_DATA in its environment, so it finds bundled spaces and the
# real NAS-Bench-201 table however CTest is launched.

function(_archscape_test_environment out_var)
    set(${out_var}
        "ARCHSCAPE_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
        "ARCHSCAPE_SHARED_DATA=${ARCHSCAPE_SHARED_DATA}"
        PARENT_SCOPE)
endfunction()

# archscape_add_test(NAME <name> SOURCES <files...> [LIBS <libs...>]
#                    [GUI] [TIMEOUT <seconds>])
# A Qt Test executable registered with CTest. GUI tests run on the offscreen
# platform: CI has no display.
function(archscape_add_test)
    cmake_parse_arguments(PARSE_ARGV 0 arg "GUI" "NAME;TIMEOUT" "SOURCES;LIBS")
    if(arg_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "archscape_add_test: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
    endif()
    if(NOT arg_NAME OR NOT arg_SOURCES)
        message(FATAL_ERROR "archscape_add_test: NAME and SOURCES are required")
    endif()
    if(NOT arg_TIMEOUT)
        set(arg_TIMEOUT 600)
    endif()

    add_executable(${arg_NAME} ${arg_SOURCES})
    target_link_libraries(${arg_NAME} PRIVATE Qt6::Test ${arg_LIBS} archscape_warnings)
    # The engine finds its strategies in the built-in plugin at run time,
    # after trying it in the plugin probe (a stale probe would misjudge it).
    add_dependencies(${arg_NAME} archscape_builtin_strategies archscape-plugin-probe)
    add_test(NAME ${arg_NAME} COMMAND ${arg_NAME})

    _archscape_test_environment(environment)
    if(arg_GUI)
        list(APPEND environment "QT_QPA_PLATFORM=offscreen")
        if(ARCHSCAPE_BUILD_FUZZERS)
            # The fuzzer build sanitizes every target; Qt, fontconfig and
            # Graphviz keep allocations to exit, which LeakSanitizer reports.
            list(APPEND environment "ASAN_OPTIONS=detect_leaks=0")
        endif()
    endif()
    set_tests_properties(${arg_NAME} PROPERTIES
        TIMEOUT ${arg_TIMEOUT}
        ENVIRONMENT "${environment}")
endfunction()

# archscape_add_fuzzer(NAME <name> SOURCES <files...> [LIBS <libs...>]
#                      [CORPUS <seed-dir>] [DICT <file.dict>] [RUNS <n>])
# A libFuzzer target (LLVMFuzzerTestOneInput), only with ARCHSCAPE_BUILD_FUZZERS.
# CTest runs it briefly (RUNS inputs, default 10000, fixed seed) to catch
# crashes on the seed corpus and its first mutations; long runs are by hand.
# New inputs go to the build tree, never into the seed folder. DICT names a
# libFuzzer dictionary (relative to the calling folder) passed as -dict=.
function(archscape_add_fuzzer)
    cmake_parse_arguments(PARSE_ARGV 0 arg "" "NAME;CORPUS;DICT;RUNS" "SOURCES;LIBS")
    if(arg_UNPARSED_ARGUMENTS)
        message(FATAL_ERROR "archscape_add_fuzzer: unknown arguments: ${arg_UNPARSED_ARGUMENTS}")
    endif()
    if(NOT arg_NAME OR NOT arg_SOURCES)
        message(FATAL_ERROR "archscape_add_fuzzer: NAME and SOURCES are required")
    endif()
    if(NOT arg_RUNS)
        set(arg_RUNS 10000)
    endif()

    add_executable(${arg_NAME} ${arg_SOURCES})
    target_link_libraries(${arg_NAME} PRIVATE ${arg_LIBS} archscape_warnings)
    target_link_options(${arg_NAME} PRIVATE -fsanitize=fuzzer)

    set(corpus_out "${CMAKE_CURRENT_BINARY_DIR}/corpus-out/${arg_NAME}")
    file(MAKE_DIRECTORY "${corpus_out}")
    set(corpora "${corpus_out}")
    if(arg_CORPUS)
        cmake_path(ABSOLUTE_PATH arg_CORPUS BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}")
        list(APPEND corpora "${arg_CORPUS}")
    endif()
    set(options -runs=${arg_RUNS} -seed=1)
    if(arg_DICT)
        cmake_path(ABSOLUTE_PATH arg_DICT BASE_DIRECTORY "${CMAKE_CURRENT_SOURCE_DIR}")
        list(APPEND options "-dict=${arg_DICT}")
    endif()
    add_test(NAME ${arg_NAME}
             COMMAND ${arg_NAME} ${options} ${corpora}
             WORKING_DIRECTORY "${CMAKE_CURRENT_BINARY_DIR}")
    _archscape_test_environment(environment)
    set_tests_properties(${arg_NAME} PROPERTIES
        TIMEOUT 600
        ENVIRONMENT "${environment}")
endfunction()

# A test of LibTorch code: archscape_add_test's arguments, plus the engine
# test helpers on the include path, and archscape_torch's precompiled
# <torch/torch.h> reused (compiling its own would cost about 20 s per
# test). The PCH is only valid with the same flags, hence position-
# independent code; AUTOMOC's empty mocs_compilation.cpp skips it.
function(archscape_add_torch_test)
    cmake_parse_arguments(ARG "" "NAME" "" ${ARGN})
    archscape_add_test(${ARGN})
    target_include_directories(${ARG_NAME} PRIVATE ${PROJECT_SOURCE_DIR}/tests/engine)
    set_target_properties(${ARG_NAME} PROPERTIES POSITION_INDEPENDENT_CODE ON)
    target_precompile_headers(${ARG_NAME} REUSE_FROM archscape_torch)
    set_source_files_properties(
        ${CMAKE_CURRENT_BINARY_DIR}/${ARG_NAME}_autogen/mocs_compilation.cpp
        TARGET_DIRECTORY ${ARG_NAME}
        PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
endfunction()

# The plugin guide's promise, end to end: install this build's development
# files into a fresh prefix, build docs/examples/plugin-strategy out of tree
# against them, list it with `archscape-cli --plugin-dir DIR plugins`, and
# run a small search with its strategy.
# cmake -DBUILD_DIR= -DSOURCE_DIR= -DWORK_DIR= -DCLI= -DGENERATOR= -DCXX_COMPILER= -P this
function(run_step what)
    execute_process(COMMAND ${ARGN}
                    RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT code EQUAL 0)
        message(FATAL_ERROR "${what} failed (${code}):\n${out}\n${err}")
    endif()
    set(step_output "${out}" PARENT_SCOPE)
endfunction()

file(REMOVE_RECURSE "${WORK_DIR}")
set(prefix "${WORK_DIR}/prefix")
set(build "${WORK_DIR}/build")

run_step("installing the development files"
    ${CMAKE_COMMAND} --install "${BUILD_DIR}" --prefix "${prefix}" --component Development)

set(launcher "")
find_program(CCACHE ccache)
if(CCACHE)
    set(launcher "-DCMAKE_CXX_COMPILER_LAUNCHER=${CCACHE}")
endif()
run_step("configuring the example"
    ${CMAKE_COMMAND} -S "${SOURCE_DIR}/docs/examples/plugin-strategy" -B "${build}"
        -G "${GENERATOR}" -DCMAKE_BUILD_TYPE=Release "-DCMAKE_PREFIX_PATH=${prefix}"
        "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}" ${launcher})
run_step("building the example" ${CMAKE_COMMAND} --build "${build}")

run_step("listing the plugins" "${CLI}" --plugin-dir "${build}" plugins)
if(NOT step_output MATCHES "hillclimb +1\\.0\\.0 +[^\n]*libhillclimb\\.so +strategy hillclimb +loaded")
    message(FATAL_ERROR "the example plugin is not listed as loaded:\n${step_output}")
endif()

set(study "${WORK_DIR}/study.db")
run_step("creating a study"
    "${CLI}" new "${study}" --space "${SOURCE_DIR}/resources/spaces/nb201.json")
run_step("running the example strategy"
    "${CLI}" run "${study}" --strategy hillclimb --evaluator cost --objectives params:min
        --budget 5 --seed 1 --plugin-dir "${build}")
run_step("listing the trials" "${CLI}" trials "${study}" --csv)
string(REGEX MATCHALL "\n[0-9]+,complete," complete "\n${step_output}")
list(LENGTH complete count)
if(NOT count EQUAL 5)
    message(FATAL_ERROR "expected 5 complete trials, got ${count}:\n${step_output}")
endif()
message(STATUS "the example plugin built out of tree, loaded and ran 5 trials")

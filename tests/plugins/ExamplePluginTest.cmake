# The plugin guide's promise, end to end: install this build's development
# files into a fresh prefix, build docs/examples/plugin-strategy and
# docs/examples/plugin-block out of tree against them, list them with
# `archscape-cli --plugin-dir DIR plugins`, run a small search with the
# strategy, and count a network made of the block kind.
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

set(block_build "${WORK_DIR}/block-build")
run_step("configuring the block example"
    ${CMAKE_COMMAND} -S "${SOURCE_DIR}/docs/examples/plugin-block" -B "${block_build}"
        -G "${GENERATOR}" -DCMAKE_BUILD_TYPE=Release "-DCMAKE_PREFIX_PATH=${prefix}"
        "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}" ${launcher})
run_step("building the block example" ${CMAKE_COMMAND} --build "${block_build}")
run_step("listing the block plugin" "${CLI}" --plugin-dir "${block_build}" plugins)
if(NOT step_output MATCHES "fireblock +1\\.0\\.0 +[^\n]*libfireblock\\.so +block fire +loaded")
    message(FATAL_ERROR "the example block plugin is not listed as loaded:\n${step_output}")
endif()
# By hand: stem 1→32 3×3 + BN = 352; fire1 (squeeze 16, expand 32) 528 + 544
# + 4640; fire2 (squeeze 16, expand 64) 1040 + 1088 + 9280; head 128→10 1290.
# Called directly: run_step's ARGN would split the encoding at its ';'.
execute_process(COMMAND "${CLI}" space "${SOURCE_DIR}/docs/examples/plugin-block/fire_space.json"
                        --arch "fire1.squeeze=16;fire2.expand=64" --plugin-dir "${block_build}"
                RESULT_VARIABLE code OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT code EQUAL 0 OR NOT out MATCHES "\nparams: 18762\n")
    message(FATAL_ERROR "expected 18762 parameters (exit ${code}):\n${out}\n${err}")
endif()
message(STATUS "the example plugins built out of tree; the strategy ran 5 trials, "
               "the block kind counted 18762 parameters")

# Runs one libFuzzer harness for a fixed number of inputs, as a ctest test:
#   cmake -DFUZZER=<exe> -DSEEDS=<committed corpus dir> -DWORK_DIR=<scratch dir> -DRUNS=<n> -P run_fuzzer.cmake
# libFuzzer writes the new inputs it finds into the first corpus directory, so the committed seeds
# are copied into a fresh scratch directory each time: the source tree never changes, and every run
# starts from the same corpus with the same seed. A crash input is saved in WORK_DIR.
foreach(var FUZZER SEEDS WORK_DIR RUNS)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_fuzzer.cmake: -D${var}=... is required")
  endif()
endforeach()

file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR}/corpus)
file(GLOB seeds ${SEEDS}/*)
if(seeds)
  file(COPY ${seeds} DESTINATION ${WORK_DIR}/corpus)
endif()

execute_process(
  COMMAND ${FUZZER} -runs=${RUNS} -seed=1 -max_len=128 -timeout=10 -rss_limit_mb=2048
          -print_final_stats=1 -artifact_prefix=${WORK_DIR}/ ${WORK_DIR}/corpus
  RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  file(GLOB artifacts ${WORK_DIR}/crash-* ${WORK_DIR}/leak-* ${WORK_DIR}/timeout-* ${WORK_DIR}/oom-*)
  message(FATAL_ERROR "${FUZZER} failed (exit ${result}). Reproduce with: ${FUZZER} ${artifacts}")
endif()

# Builds tests/package/consumer against eldercare, either installed (MODE=find_package: install the
# source tree to a scratch prefix first) or as a subdirectory (MODE=add_subdirectory), then runs it.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "command failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
endfunction()
set(consumer ${SOURCE_DIR}/tests/package/consumer)
if(MODE STREQUAL "find_package")
  run(${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${WORK_DIR}/lib -DCMAKE_CXX_COMPILER=${CXX}
      -DELDERCARE_BUILD_TESTS=OFF -DELDERCARE_BUILD_EXAMPLES=OFF -DCMAKE_INSTALL_PREFIX=${WORK_DIR}/prefix)
  run(${CMAKE_COMMAND} --install ${WORK_DIR}/lib)
  if(NOT EXISTS ${WORK_DIR}/prefix/share/cmake/eldercare/eldercareConfig.cmake)
    message(FATAL_ERROR "config not installed to share/cmake/eldercare")
  endif()
  run(${CMAKE_COMMAND} -S ${consumer} -B ${WORK_DIR}/app -DCMAKE_CXX_COMPILER=${CXX}
      -DCMAKE_PREFIX_PATH=${WORK_DIR}/prefix)
else()
  run(${CMAKE_COMMAND} -S ${consumer} -B ${WORK_DIR}/app -DCMAKE_CXX_COMPILER=${CXX}
      -DELDERCARE_SOURCE_DIR=${SOURCE_DIR})
endif()
run(${CMAKE_COMMAND} --build ${WORK_DIR}/app)
run(${WORK_DIR}/app/consumer)
message(STATUS "consumer built and ran (${MODE})")

# Installs the built library into PREFIX, then configures, builds and runs the consumer project.
if(NOT CONFIG)
  set(CONFIG Release)
endif()
file(REMOVE_RECURSE ${PREFIX} ${BUILD_DIR}/consumer-build)
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX} --config ${CONFIG}
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "install failed: ${rc}")
endif()
execute_process(COMMAND ${CMAKE_CTEST_COMMAND} --build-and-test ${SOURCE_DIR} ${BUILD_DIR}/consumer-build
                        --build-generator ${GENERATOR}
                        --build-options -DCMAKE_PREFIX_PATH=${PREFIX} -DCMAKE_BUILD_TYPE=${CONFIG}
                        --test-command consumer
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "consumer project failed: ${rc}")
endif()

# Fetches RE2 and Abseil from one pinned source (the npm package `re2`, which
# vendors both), verifies it by SHA-512, and adds both to the build. Native and
# wasm builds share the same extracted sources in third_party/cache/ (ignored).

set(RAPPORT_RE2_NPM_VERSION "1.27.1")
# sha512 of re2-1.27.1.tgz; the same value npm publishes as dist.integrity
# (sha512-J0RHubiwH/isNWD2Z+TX+hpVZCkaS/X30KPtYwckK5sjEaW8BRhnd15EPIjBB5GxD174iEVtJmmCoqfErH1qDQ==).
set(RAPPORT_RE2_NPM_SHA512
    "274447b9b8b01ff8ac3560f667e4d7fa1a5564291a4bf5f7d0a3ed6307242b9b2311a5bc051867775e443c88c10791b10f5ef888456d266982a2a7c4ac7d6a0d")

set(_rp_cache "${CMAKE_SOURCE_DIR}/third_party/cache")
set(_rp_tgz "${_rp_cache}/re2-${RAPPORT_RE2_NPM_VERSION}.tgz")
set(_rp_src "${_rp_cache}/re2-${RAPPORT_RE2_NPM_VERSION}")

if(NOT EXISTS "${_rp_src}/.verified")
  file(MAKE_DIRECTORY "${_rp_cache}")
  if(NOT EXISTS "${_rp_tgz}")
    message(STATUS "rapport: fetching re2@${RAPPORT_RE2_NPM_VERSION} (RE2 + Abseil sources) with npm pack")
    find_program(_rp_npm npm REQUIRED)
    execute_process(
      COMMAND "${_rp_npm}" pack "re2@${RAPPORT_RE2_NPM_VERSION}" --pack-destination "${_rp_cache}"
      RESULT_VARIABLE _rp_rc OUTPUT_QUIET ERROR_VARIABLE _rp_err)
    if(NOT _rp_rc EQUAL 0)
      message(FATAL_ERROR "rapport: 'npm pack re2@${RAPPORT_RE2_NPM_VERSION}' failed:\n${_rp_err}")
    endif()
  endif()
  file(SHA512 "${_rp_tgz}" _rp_actual)
  if(NOT _rp_actual STREQUAL RAPPORT_RE2_NPM_SHA512)
    file(REMOVE "${_rp_tgz}")
    message(FATAL_ERROR "rapport: checksum mismatch for ${_rp_tgz}\n  expected ${RAPPORT_RE2_NPM_SHA512}\n  actual   ${_rp_actual}\nThe file was removed; configure again to fetch it anew.")
  endif()
  file(REMOVE_RECURSE "${_rp_src}" "${_rp_src}.tmp")
  file(ARCHIVE_EXTRACT INPUT "${_rp_tgz}" DESTINATION "${_rp_src}.tmp"
       PATTERNS "package/vendor/re2" "package/vendor/abseil-cpp")
  file(RENAME "${_rp_src}.tmp/package/vendor" "${_rp_src}")
  file(REMOVE_RECURSE "${_rp_src}.tmp")
  file(WRITE "${_rp_src}/.verified" "${RAPPORT_RE2_NPM_SHA512}\n")
endif()

# Abseil, then RE2, both out of `all`: only what the core links gets built.
set(ABSL_PROPAGATE_CXX_STD ON CACHE BOOL "" FORCE)
set(ABSL_BUILD_TESTING OFF CACHE BOOL "" FORCE)
set(ABSL_ENABLE_INSTALL OFF CACHE BOOL "" FORCE)
set(RE2_BUILD_TESTING OFF CACHE BOOL "" FORCE)
set(RE2_INSTALL OFF CACHE BOOL "" FORCE)
set(CMAKE_SKIP_INSTALL_RULES ON)
set(CMAKE_POLICY_DEFAULT_CMP0077 NEW)
if(EMSCRIPTEN)
  # Nobody reads RE2's or Abseil's log lines in a browser, and the logging
  # they pull in (LogMessage, str_format, time zones) is a large part of the
  # wasm. STRIP_LOG turns every LOG into a no-op; a FATAL or failed CHECK
  # still ends the program (_exit), without its message. It is set for the
  # whole wasm build: the core itself does not log.
  add_compile_definitions(STRIP_LOG=1)
endif()
add_subdirectory("${_rp_src}/abseil-cpp" "${CMAKE_BINARY_DIR}/third_party/abseil" EXCLUDE_FROM_ALL SYSTEM)
add_subdirectory("${_rp_src}/re2" "${CMAKE_BINARY_DIR}/third_party/re2" EXCLUDE_FROM_ALL SYSTEM)

# nlohmann/json: Debian's header-only package serves both builds. Only its own
# folder is put on the include path (all of /usr/include would shadow
# Emscripten's libc headers).
if(NOT TARGET nlohmann_json::nlohmann_json)
  find_path(RAPPORT_NLOHMANN_INCLUDE nlohmann/json.hpp PATHS /usr/include NO_CMAKE_FIND_ROOT_PATH REQUIRED)
  set(_rp_json_dir "${CMAKE_BINARY_DIR}/third_party/nlohmann_include")
  file(MAKE_DIRECTORY "${_rp_json_dir}")
  if(NOT EXISTS "${_rp_json_dir}/nlohmann")
    file(CREATE_LINK "${RAPPORT_NLOHMANN_INCLUDE}/nlohmann" "${_rp_json_dir}/nlohmann" SYMBOLIC)
  endif()
  add_library(nlohmann_json INTERFACE)
  target_include_directories(nlohmann_json SYSTEM INTERFACE "${_rp_json_dir}")
  add_library(nlohmann_json::nlohmann_json ALIAS nlohmann_json)
endif()

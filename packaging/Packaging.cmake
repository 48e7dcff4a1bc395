# Installation layout and CPack settings (cpack -G DEB in the build directory).
include(GNUInstallDirs)

# The demo repository ships read-only; Headway copies it on first use.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/demo/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/headway/demo
        COMPONENT demo
        PATTERN "__pycache__" EXCLUDE
        PATTERN "*.pyc" EXCLUDE
        PATTERN "*.db" EXCLUDE)

set(CPACK_PACKAGE_NAME headway)
set(CPACK_PACKAGE_VENDOR "Headway")
set(CPACK_PACKAGE_CONTACT "Headway maintainers <maintainers@headway.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "python3-alembic, python3-flask-migrate, git")
set(CPACK_DEB_COMPONENT_INSTALL OFF)
include(CPack)

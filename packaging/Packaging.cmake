# Installation layout and the Debian package (cpack -G DEB in the build directory,
# or `cmake --build build --target package`).
#
# Components, for `cmake --install build --component NAME`:
#   cli    headway-cli and its bash completion
#   gui    headway, the desktop entry, AppStream metadata, the icons
#   demo   the bundled demo repository
#   docs   the manual pages, the copyright file and the changelog
# The .deb holds them all (one package).
include(GNUInstallDirs)

# Debian's place for the package's documents, whatever the project is called in CMake.
set(HEADWAY_DOC_DIR ${CMAKE_INSTALL_DATADIR}/doc/headway)

# The demo repository ships read-only; Headway copies it on first use (DemoWorkspace).
# A package carries no VCS files, so the demo's .gitignore travels as `gitignore`
# and the copy gets its dot back. Its tools are scripts to run: they keep their
# exec bit, everything else is plain data.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/resources/demo/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/headway/demo
        COMPONENT demo
        FILE_PERMISSIONS OWNER_READ OWNER_WRITE GROUP_READ WORLD_READ
        DIRECTORY_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE
                              WORLD_READ WORLD_EXECUTE
        PATTERN "__pycache__" EXCLUDE
        PATTERN "*.pyc" EXCLUDE
        PATTERN "*.db" EXCLUDE
        PATTERN ".git" EXCLUDE
        PATTERN ".gitignore" EXCLUDE
        PATTERN "*.sh"
            PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
install(FILES ${PROJECT_SOURCE_DIR}/resources/demo/.gitignore
        DESTINATION ${CMAKE_INSTALL_DATADIR}/headway/demo
        RENAME gitignore
        COMPONENT demo)

# Debian's documents: the machine-readable copyright file and, for a native package
# (no Debian revision), the changelog as changelog.gz, compressed as policy asks (-9n).
set(HEADWAY_CHANGELOG ${PROJECT_BINARY_DIR}/doc/changelog)
add_custom_command(
    OUTPUT ${HEADWAY_CHANGELOG}.gz
    COMMAND ${CMAKE_COMMAND} -E copy ${PROJECT_SOURCE_DIR}/packaging/debian/changelog ${HEADWAY_CHANGELOG}
    COMMAND gzip -9nf ${HEADWAY_CHANGELOG}
    DEPENDS ${PROJECT_SOURCE_DIR}/packaging/debian/changelog
    COMMENT "Debian changelog.gz"
    VERBATIM)
add_custom_target(headway-changelog ALL DEPENDS ${HEADWAY_CHANGELOG}.gz)
install(FILES ${PROJECT_SOURCE_DIR}/packaging/debian/copyright ${HEADWAY_CHANGELOG}.gz
        DESTINATION ${HEADWAY_DOC_DIR} COMPONENT docs)

# The lintian notes that stay, each with its reason in the file.
install(FILES ${PROJECT_SOURCE_DIR}/packaging/debian/lintian-overrides
        DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides RENAME headway COMPONENT docs)

# A stripped install (cpack, cmake --install --strip) also drops the compilers' .comment
# notes, which strip keeps (lintian: binary-has-unneeded-section).
if(CMAKE_OBJCOPY)
    foreach(program cli:headway-cli gui:headway)
        string(REPLACE ":" ";" program "${program}")
        list(POP_FRONT program component)
        if(TARGET ${program})
            install(CODE "if(CMAKE_INSTALL_DO_STRIP)
    execute_process(COMMAND \"${CMAKE_OBJCOPY}\" --remove-section=.comment
                    \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/${program}\")
endif()" COMPONENT ${component})
        endif()
    endforeach()
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME headway)
set(CPACK_PACKAGE_VENDOR "Headway")
set(CPACK_PACKAGE_CONTACT "Headway maintainers <maintainers@headway.invalid>")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Alembic and Flask-Migrate revision graphs, seen and fixed")
# Debian's extended description, under the summary CPack puts first: lines under 80
# columns, paragraphs apart by an empty line (CPack writes it as " .").
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "Headway shows the Alembic revision graph of a Flask-Migrate or plain Alembic
project and what is wrong with it: several heads after merging an upstream,
missing revisions, files Alembic cannot read. Each problem comes with the fix.

Migration files are read statically, so looking needs no virtualenv, database
or Python. Merging heads, upgrades, downgrades, stamps, test upgrades on
scratch SQLite, PostgreSQL or MariaDB databases and merge rehearsals run the
project's own flask db or alembic.

The package holds the Qt desktop application (headway), its command-line twin
for scripts and CI (headway-cli, with bash completion) and a demo repository.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # headway_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Qt 6 and Graphviz, as dpkg-shlibdeps (dpkg-dev) finds them in the binaries.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The commands that run a project's tool need its Python with Alembic (Flask-Migrate for
# Flask projects); the fork commands need git. The test upgrade starts throwaway servers
# from these packages when a project uses their engine.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "python3-alembic, python3-flask-migrate, git")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "postgresql, mariadb-server")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEB_COMPONENT_INSTALL OFF)
include(CPack)

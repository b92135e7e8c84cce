# The Debian package: `cpack -G DEB` in the build folder (after the build)
# writes archscape_<version>_<arch>.deb. It holds what the install() rules
# install under /usr: the app and the CLI (bin/), the plugins
# (lib/archscape/plugins, installed by plugins/), the example spaces
# (share/archscape/spaces), the .desktop entry and icon, and the docs
# (share/doc/archscape). Translations are compiled into the app (:/i18n).
# Depends comes from dpkg-shlibdeps, run on every installed binary.
include(GNUInstallDirs)

set(archscape_installer_dir "${PROJECT_SOURCE_DIR}/installer")

if(ARCHSCAPE_BUILD_GUI)
    install(FILES "${archscape_installer_dir}/archscape.desktop"
            DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
    install(FILES "${archscape_installer_dir}/archscape.svg"
            DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
    # A bitmap icon for menus that do not draw SVG, when rsvg-convert
    # (librsvg2-bin) is there to render one; the SVG alone is enough otherwise.
    find_program(ARCHSCAPE_RSVG_CONVERT rsvg-convert)
    if(ARCHSCAPE_RSVG_CONVERT)
        set(archscape_icon_png "${PROJECT_BINARY_DIR}/installer/archscape.png")
        add_custom_command(OUTPUT "${archscape_icon_png}"
            COMMAND ${CMAKE_COMMAND} -E make_directory "${PROJECT_BINARY_DIR}/installer"
            COMMAND "${ARCHSCAPE_RSVG_CONVERT}" -w 256 -h 256
                    -o "${archscape_icon_png}" "${archscape_installer_dir}/archscape.svg"
            DEPENDS "${archscape_installer_dir}/archscape.svg"
            COMMENT "Rendering the 256x256 icon")
        add_custom_target(archscape_icon_png ALL DEPENDS "${archscape_icon_png}")
        install(FILES "${archscape_icon_png}"
                DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/256x256/apps)
    endif()
else()
    # The desktop app's rules install the spaces; a CLI-only package needs them too.
    install(DIRECTORY "${PROJECT_SOURCE_DIR}/resources/spaces/"
            DESTINATION ${CMAKE_INSTALL_DATADIR}/archscape/spaces
            FILES_MATCHING PATTERN "*.json")
endif()

# README.md beside docs/, as in the source tree, so that its links hold.
set(archscape_doc_dir ${CMAKE_INSTALL_DATADIR}/doc/archscape)
install(FILES "${PROJECT_SOURCE_DIR}/README.md" DESTINATION ${archscape_doc_dir})
install(DIRECTORY "${PROJECT_SOURCE_DIR}/docs/"
        DESTINATION ${archscape_doc_dir}/docs
        FILES_MATCHING PATTERN "*.md" PATTERN "*.png")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME archscape)
set(CPACK_PACKAGE_VENDOR Archscape)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "Archscape maintainers <archscape@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "workbench for neural architecture search")
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION
    "Archscape composes neural architecture search spaces as node graphs,\n"
    "searches them (random search, regularized evolution, NSGA-II, local and\n"
    "predictor-guided search) with LibTorch training, zero-cost proxies or the\n"
    "NAS-Bench-201 table, keeps every trial in one SQLite file, shows the\n"
    "Pareto front of accuracy against cost, and exports the chosen network\n"
    "with its weights to ONNX. archscape-cli runs the same engine headless.")
string(JOIN "" CPACK_DEBIAN_PACKAGE_DESCRIPTION ${CPACK_DEBIAN_PACKAGE_DESCRIPTION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Not libraries, so dpkg-shlibdeps cannot see them: Fashion-MNIST for the
# `train` and `zc` evaluators, Qt's own translations; Node.js only runs the
# optional onnxruntime check of exports (onnxruntime-node is from npm).
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "dataset-fashion-mnist, qt6-translations-l10n, fonts-wqy-microhei | fonts-noto-cjk")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "nodejs, npm")
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build/")
include(CPack)

#ifndef CLIENTGEN_CYAML_SHIM_H
#define CLIENTGEN_CYAML_SHIM_H
#if __has_include(<yaml.h>)
#include <yaml.h>
#else
#error "libyaml is not installed: ClientGen's generator (the clientgen tool, ClientGenPlugin, generate-clients) needs its headers. Install them with `apt-get install libyaml-dev` (Debian, Ubuntu), `dnf install libyaml-devel` (Fedora) or `brew install libyaml` (macOS), then build again. Apps that only import a committed generated module (BrevoAPI, ClientRuntime) do not need libyaml."
#endif
#endif

// libyaml, the system library (Debian: libyaml-dev; pkg-config: yaml-0.1). The loader composes
// its node tree from libyaml's event parser (Sources/IntakeCore/Loading/YAMLComposer.swift).
#ifndef INTAKE_CYAML_SHIM_H
#define INTAKE_CYAML_SHIM_H
#include <yaml.h>
#endif

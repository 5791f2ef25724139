// Package dataclassesmod provides yflow's dataclasses module, written in
// yflow (dataclasses.yf, embedded) and compiled on first import. It reads
// the __annotations__ that module and class bodies record.
package dataclassesmod

import (
	_ "embed"

	"yflow/stdlib/contextlibmod"
	"yflow/vm"
)

//go:embed dataclasses.yf
var source []byte

// Module builds the dataclasses module.
func Module(t *vm.Thread) (*vm.Module, error) {
	return contextlibmod.RunSource(t, "dataclasses", "<frozen dataclasses>", source)
}

// Package threadingmod provides yflow's built-in threading module. Its
// source (threading.yf, embedded) is written in yflow on top of the
// _thread module and compiled on first import.
package threadingmod

import (
	_ "embed"

	"yflow/stdlib/contextlibmod"
	"yflow/vm"
)

//go:embed threading.yf
var source []byte

// Module builds the threading module by running its source.
func Module(t *vm.Thread) (*vm.Module, error) {
	return contextlibmod.RunSource(t, "threading", "<frozen threading>", source)
}

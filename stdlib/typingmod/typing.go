// Package typingmod provides yflow's typing module, written in yflow
// (typing.yf, embedded) and compiled on first import. yflow does not
// evaluate annotations; the module makes the names typed programs use at
// run time exist and subscript.
package typingmod

import (
	_ "embed"

	"yflow/stdlib/contextlibmod"
	"yflow/vm"
)

//go:embed typing.yf
var source []byte

// Module builds the typing module.
func Module(t *vm.Thread) (*vm.Module, error) {
	return contextlibmod.RunSource(t, "typing", "<frozen typing>", source)
}

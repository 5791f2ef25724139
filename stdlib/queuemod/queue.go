// Package queuemod provides yflow's built-in queue module (Queue,
// LifoQueue, PriorityQueue, SimpleQueue, Empty, Full). Its source
// (queue.yf, embedded) is written in yflow on top of threading and is
// compiled on first import.
package queuemod

import (
	_ "embed"

	"yflow/stdlib/contextlibmod"
	"yflow/vm"
)

//go:embed queue.yf
var source []byte

// Module builds the queue module by running its source.
func Module(t *vm.Thread) (*vm.Module, error) {
	return contextlibmod.RunSource(t, "queue", "<frozen queue>", source)
}

// doc.go holds the package documentation of lang/compiler.

// Package compiler turns a yflow syntax tree (lang/ast) into Code objects
// for the virtual machine in vm/.
//
// Compilation has two passes. The first (scope.go) builds a scope for every
// module, function, lambda, class body and comprehension and classifies
// every name as local, global (explicit or implicit), free or cell, CPython
// 3.11 style; it also reports the SyntaxErrors that depend on scopes
// (nonlocal/global misuse, 'yield' outside function, ...). The second pass
// (compile.go) emits fixed-width instructions (opcode.go) with a line table,
// a static exception table and the maximum stack depth (stack.go).
//
// Comprehensions are separate code objects as in CPython 3.11, except the
// ones containing yflow's `yielding` (in any of their for clauses, or in a
// comprehension nested inside them): those are compiled inline in the
// enclosing generator function so that their suspension points suspend it.
//
// The compiler never imports the VM; Code (code.go) and the opcodes
// (opcode.go) are the whole contract between them. Disassemble (dis.go)
// prints a readable listing of a Code tree.
package compiler

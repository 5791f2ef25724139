// Package parser turns yflow source text into the syntax tree of lang/ast.
//
// Contract:
//
//   - Parse parses a whole file and ParseExpr a single expression (or an
//     unparenthesised tuple). On success the tree is complete: every node
//     carries the 1-based line and rune column of its first token, as
//     CPython's lineno and col_offset+1.
//   - Every error is an *Error (Kind "SyntaxError", "IndentationError" or
//     "TabError") with the position and source line of the problem.
//     Messages follow CPython 3.11 where practical.
//   - When the input ended while a block, bracket or triple-quoted string
//     was still open, errors.Is(err, ErrIncomplete) is true, so a REPL can
//     ask for another line without matching error text.
//   - No panic escapes Parse or ParseExpr.
//
// The package has three layers: lexer.go, a hand-written tokenizer that
// adds NEWLINE, INDENT and DEDENT tokens; grammar.go, a participle grammar
// (internal structs); and lower.go and strings.go, which turn participle's
// tree into lang/ast, checking what the grammar leaves open (assignment
// targets, parameter and argument order, f-string fields). `yielding` is a
// soft keyword: it is the yflow keyword right after the `in` of a for
// statement or comprehension clause and right after `with`, when an
// expression follows; elsewhere it is an ordinary name.
package parser

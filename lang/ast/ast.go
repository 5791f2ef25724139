// Package ast defines the syntax tree of yflow programs: the clean tree that
// lang/parser produces and lang/compiler walks. Every node carries the
// position of its first token. The tree holds no parser internals and no
// runtime values: constants are plain Go values (see Constant).
package ast

import (
	"fmt"
	"math/big"
)

// Pos is a source position: 1-based line and 1-based column (in runes).
type Pos struct {
	Line, Col int
}

// Position returns p itself; it lets every node embed Pos and satisfy Node.
func (p Pos) Position() Pos { return p }

func (p Pos) String() string { return fmt.Sprintf("%d:%d", p.Line, p.Col) }

// Node is any syntax tree node.
type Node interface {
	Position() Pos
}

// Stmt is a statement node.
type Stmt interface {
	Node
	stmt()
}

// Expr is an expression node.
type Expr interface {
	Node
	expr()
}

// Module is a whole source file.
type Module struct {
	Pos
	Filename string
	Body     []Stmt
}

// ---------------------------------------------------------------- statements

// ExprStmt is an expression evaluated for its effect.
type ExprStmt struct {
	Pos
	X Expr
}

// Assign is `t1 = t2 = ... = Value`. Targets are Name, Attribute, Subscript,
// TupleExpr/ListExpr (possibly holding one Starred) in source order.
type Assign struct {
	Pos
	Targets []Expr
	Value   Expr
}

// AugAssign is `Target Op= Value`.
type AugAssign struct {
	Pos
	Target Expr
	Op     Op
	Value  Expr
}

// AnnAssign is `Target: Annotation [= Value]`; Value may be nil.
type AnnAssign struct {
	Pos
	Target     Expr
	Annotation Expr
	Value      Expr
}

// If is if/elif/else; an elif is a single If inside Else.
type If struct {
	Pos
	Cond Expr
	Body []Stmt
	Else []Stmt
}

// While is while/else.
type While struct {
	Pos
	Cond Expr
	Body []Stmt
	Else []Stmt
}

// For is for/else, `async for`, and yflow's `for x in yielding it`.
type For struct {
	Pos
	Target   Expr
	Iter     Expr
	Body     []Stmt
	Else     []Stmt
	Async    bool
	Yielding bool
}

// Break is `break`.
type Break struct{ Pos }

// Continue is `continue`.
type Continue struct{ Pos }

// Pass is `pass`.
type Pass struct{ Pos }

// Return is `return [Value]`; Value may be nil.
type Return struct {
	Pos
	Value Expr
}

// Param is one function parameter. Default and Annotation may be nil.
type Param struct {
	Pos
	Name       string
	Default    Expr
	Annotation Expr
}

// Params is a parameter list: Args are positional-or-keyword parameters,
// the first PosOnly of which are positional-only (before a `/`); Vararg is
// `*args` (nil if absent); KwOnly follow `*` or `*args`; Kwarg is `**kw`.
type Params struct {
	Args    []*Param
	PosOnly int
	Vararg  *Param
	KwOnly  []*Param
	Kwarg   *Param
}

// FuncDef is `def` or `async def`.
type FuncDef struct {
	Pos
	Name       string
	Params     *Params
	Body       []Stmt
	Decorators []Expr
	Returns    Expr // annotation, may be nil
	Async      bool
}

// ClassDef is a class statement. Keywords holds `metaclass=...` and the
// like (and `**kw`, with an empty Name).
type ClassDef struct {
	Pos
	Name       string
	Bases      []Expr
	Keywords   []*Keyword
	Body       []Stmt
	Decorators []Expr
}

// ExceptHandler is one `except [Type [as Name]]:` clause.
type ExceptHandler struct {
	Pos
	Type Expr   // nil for a bare except
	Name string // "" when there is no `as`
	Body []Stmt
}

// Try is try/except/else/finally.
type Try struct {
	Pos
	Body     []Stmt
	Handlers []*ExceptHandler
	Else     []Stmt
	Finally  []Stmt
}

// Raise is `raise [Exc [from Cause]]`.
type Raise struct {
	Pos
	Exc   Expr
	Cause Expr
}

// WithItem is one `Context [as Target]` of a with statement.
type WithItem struct {
	Context Expr
	Target  Expr // may be nil
}

// With is `with`, `async with` and yflow's `with yielding`. Yielding applies
// to every item of the statement.
type With struct {
	Pos
	Items    []*WithItem
	Body     []Stmt
	Async    bool
	Yielding bool
}

// Assert is `assert Test [, Msg]`.
type Assert struct {
	Pos
	Test Expr
	Msg  Expr
}

// Del is `del t1, t2`.
type Del struct {
	Pos
	Targets []Expr
}

// Global is `global a, b`.
type Global struct {
	Pos
	Names []string
}

// Nonlocal is `nonlocal a, b`.
type Nonlocal struct {
	Pos
	Names []string
}

// Alias is `name [as asname]` in an import; Name may be dotted.
type Alias struct {
	Pos
	Name   string
	AsName string
}

// Import is `import a.b [as c], d`.
type Import struct {
	Pos
	Names []*Alias
}

// ImportFrom is `from [.]*module import names`; Names is nil for `import *`.
type ImportFrom struct {
	Pos
	Module string
	Level  int
	Names  []*Alias
}

func (*ExprStmt) stmt()   {}
func (*Assign) stmt()     {}
func (*AugAssign) stmt()  {}
func (*AnnAssign) stmt()  {}
func (*If) stmt()         {}
func (*While) stmt()      {}
func (*For) stmt()        {}
func (*Break) stmt()      {}
func (*Continue) stmt()   {}
func (*Pass) stmt()       {}
func (*Return) stmt()     {}
func (*FuncDef) stmt()    {}
func (*ClassDef) stmt()   {}
func (*Try) stmt()        {}
func (*Raise) stmt()      {}
func (*With) stmt()       {}
func (*Assert) stmt()     {}
func (*Del) stmt()        {}
func (*Global) stmt()     {}
func (*Nonlocal) stmt()   {}
func (*Import) stmt()     {}
func (*ImportFrom) stmt() {}

// --------------------------------------------------------------- expressions

// Name is an identifier.
type Name struct {
	Pos
	Id string
}

// Bytes is the Go type of a bytes constant.
type Bytes []byte

// EllipsisType is the Go type of the `...` constant.
type EllipsisType struct{}

// Constant is a literal. Value is one of: nil (None), bool, *big.Int (every
// int literal), float64, complex128 (imaginary literals), string, Bytes,
// EllipsisType.
type Constant struct {
	Pos
	Value any
}

// BigInt returns the value of an int constant, or nil.
func (c *Constant) BigInt() *big.Int {
	b, _ := c.Value.(*big.Int)
	return b
}

// JoinedStr is an f-string: Values are string Constants and FormattedValues.
type JoinedStr struct {
	Pos
	Values []Expr
}

// FormattedValue is one `{Value!Conversion:FormatSpec}` of an f-string.
// Conversion is 0, 's', 'r' or 'a'; FormatSpec is nil or a JoinedStr.
// The `{x=}` form is lowered to a Constant "x=" followed by a FormattedValue.
type FormattedValue struct {
	Pos
	Value      Expr
	Conversion rune
	FormatSpec Expr
}

// BinOp is `X Op Y` for arithmetic and bitwise operators.
type BinOp struct {
	Pos
	Op   Op
	X, Y Expr
}

// UnaryOp is `Op X` for -, +, ~ and not.
type UnaryOp struct {
	Pos
	Op Op
	X  Expr
}

// BoolOp is `a and b and c` or `a or b or c` (Op is And or Or).
type BoolOp struct {
	Pos
	Op     Op
	Values []Expr
}

// Compare is a (possibly chained) comparison: Left Ops[0] Rights[0] Ops[1]...
type Compare struct {
	Pos
	Left   Expr
	Ops    []Op
	Rights []Expr
}

// IfExp is `Body if Test else Else`.
type IfExp struct {
	Pos
	Test, Body, Else Expr
}

// Lambda is `lambda params: Body`.
type Lambda struct {
	Pos
	Params *Params
	Body   Expr
}

// Keyword is `Name=Value` in a call, or `**Value` when Name is "".
type Keyword struct {
	Pos
	Name  string
	Value Expr
}

// Call is `Func(Args, Keywords)`; Args may hold Starred (`*x`).
type Call struct {
	Pos
	Func     Expr
	Args     []Expr
	Keywords []*Keyword
}

// Attribute is `X.Name`.
type Attribute struct {
	Pos
	X    Expr
	Name string
}

// Subscript is `X[Index]`; Index may be a Slice or a TupleExpr of them.
type Subscript struct {
	Pos
	X     Expr
	Index Expr
}

// Slice is `Lo:Hi:Step` inside a subscript; each part may be nil.
type Slice struct {
	Pos
	Lo, Hi, Step Expr
}

// Starred is `*X` in a display, call or assignment target.
type Starred struct {
	Pos
	X Expr
}

// ListExpr is `[a, b]`.
type ListExpr struct {
	Pos
	Elts []Expr
}

// TupleExpr is `(a, b)` or `a, b`.
type TupleExpr struct {
	Pos
	Elts []Expr
}

// SetExpr is `{a, b}`.
type SetExpr struct {
	Pos
	Elts []Expr
}

// DictExpr is `{k: v, **m}`; a nil key marks `**Values[i]`.
type DictExpr struct {
	Pos
	Keys   []Expr
	Values []Expr
}

// Comprehension is one `[async] for Target in [yielding] Iter [if Ifs...]`.
type Comprehension struct {
	Pos
	Target   Expr
	Iter     Expr
	Ifs      []Expr
	Async    bool
	Yielding bool
}

// ListComp is `[Elt for ...]`.
type ListComp struct {
	Pos
	Elt        Expr
	Generators []*Comprehension
}

// SetComp is `{Elt for ...}`.
type SetComp struct {
	Pos
	Elt        Expr
	Generators []*Comprehension
}

// DictComp is `{Key: Value for ...}`.
type DictComp struct {
	Pos
	Key, Value Expr
	Generators []*Comprehension
}

// GeneratorExp is `(Elt for ...)`.
type GeneratorExp struct {
	Pos
	Elt        Expr
	Generators []*Comprehension
}

// Yield is `yield [Value]`.
type Yield struct {
	Pos
	Value Expr
}

// YieldFrom is `yield from Value`.
type YieldFrom struct {
	Pos
	Value Expr
}

// Await is `await Value`.
type Await struct {
	Pos
	Value Expr
}

// NamedExpr is `Target := Value`.
type NamedExpr struct {
	Pos
	Target *Name
	Value  Expr
}

func (*Name) expr()           {}
func (*Constant) expr()       {}
func (*JoinedStr) expr()      {}
func (*FormattedValue) expr() {}
func (*BinOp) expr()          {}
func (*UnaryOp) expr()        {}
func (*BoolOp) expr()         {}
func (*Compare) expr()        {}
func (*IfExp) expr()          {}
func (*Lambda) expr()         {}
func (*Call) expr()           {}
func (*Attribute) expr()      {}
func (*Subscript) expr()      {}
func (*Slice) expr()          {}
func (*Starred) expr()        {}
func (*ListExpr) expr()       {}
func (*TupleExpr) expr()      {}
func (*SetExpr) expr()        {}
func (*DictExpr) expr()       {}
func (*ListComp) expr()       {}
func (*SetComp) expr()        {}
func (*DictComp) expr()       {}
func (*GeneratorExp) expr()   {}
func (*Yield) expr()          {}
func (*YieldFrom) expr()      {}
func (*Await) expr()          {}
func (*NamedExpr) expr()      {}

// ----------------------------------------------------------------- operators

// Op is an operator of BinOp, UnaryOp, BoolOp, Compare or AugAssign.
type Op uint8

// The operators. Their String is the source spelling.
const (
	Invalid Op = iota
	// binary
	Add
	Sub
	Mul
	MatMul
	Div
	FloorDiv
	Mod
	Pow
	LShift
	RShift
	BitAnd
	BitOr
	BitXor
	// unary
	UAdd
	USub
	Invert
	Not
	// boolean
	And
	Or
	// comparison
	Eq
	NotEq
	Lt
	LtE
	Gt
	GtE
	Is
	IsNot
	In
	NotIn
)

var opNames = [...]string{
	Invalid: "?", Add: "+", Sub: "-", Mul: "*", MatMul: "@", Div: "/",
	FloorDiv: "//", Mod: "%", Pow: "**", LShift: "<<", RShift: ">>",
	BitAnd: "&", BitOr: "|", BitXor: "^", UAdd: "+", USub: "-", Invert: "~",
	Not: "not", And: "and", Or: "or", Eq: "==", NotEq: "!=", Lt: "<",
	LtE: "<=", Gt: ">", GtE: ">=", Is: "is", IsNot: "is not", In: "in",
	NotIn: "not in",
}

func (op Op) String() string {
	if int(op) < len(opNames) {
		return opNames[op]
	}
	return "?"
}

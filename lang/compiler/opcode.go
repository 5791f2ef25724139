// opcode.go defines yflow's instruction set: every opcode with a stack
// picture saying what it pops and pushes. This file is the contract between
// the compiler (which emits) and vm/ (which executes).
//
// An instruction is one uint32: the opcode in the low 8 bits and a 24-bit
// argument in the high bits (see MakeInstr). Jump targets are absolute
// instruction indexes. "NULL" below is the VM's empty value (not None).

package compiler

// Opcode is an instruction's operation.
type Opcode uint8

// The opcodes. Stack pictures read `before -> after`, top of stack rightmost.
const (
	NOP Opcode = iota // ->

	// ---- stack manipulation
	POP_TOP // x ->
	COPY    // (arg n>=1) ... x(n) ... -> ... x(n) ... x(n)   push a copy of the n-th item from the top
	SWAP    // (arg n>=2) swap the top with the n-th item from the top

	// ---- constants and names
	LOAD_CONST           // (arg const index) -> Consts[arg]
	LOAD_FAST            // (arg local index) -> local; UnboundLocalError when unbound
	STORE_FAST           // x ->
	DELETE_FAST          // ->   UnboundLocalError when unbound
	LOAD_DEREF           // (arg cell index: CellVars then FreeVars) -> cell contents; NameError/UnboundLocalError when empty
	STORE_DEREF          // x ->
	DELETE_DEREF         // ->
	LOAD_CLOSURE         // (arg cell index) -> the cell object itself (for MAKE_FUNCTION's closure tuple)
	LOAD_CLASSDEREF      // (arg cell index) -> value: in a class body, the namespace's entry named FreeVars[...] if present, else the cell's contents
	LOAD_GLOBAL          // (arg name index) -> globals[name], else builtins[name]; NameError
	STORE_GLOBAL         // x ->
	DELETE_GLOBAL        // ->
	LOAD_NAME            // (arg name index) -> the frame's locals mapping, then globals, then builtins (module and class bodies)
	STORE_NAME           // x ->   into the frame's locals mapping
	DELETE_NAME          // ->
	LOAD_BUILD_CLASS     // -> builtins.__build_class__
	LOAD_ASSERTION_ERROR // -> AssertionError

	// ---- attributes and subscripts
	LOAD_ATTR   // (arg name index) o -> o.name
	STORE_ATTR  // (arg name index) v o ->   (o.name = v)
	DELETE_ATTR // (arg name index) o ->
	LOAD_METHOD // (arg name index) o -> f o   when o.name is a plain function found on the type (unbound),
	//                  o -> a NULL otherwise (a = o.name). Always followed by CALL_METHOD[_KW].
	BINARY_SUBSCR // a i -> a[i]
	STORE_SUBSCR  // v a i ->   (a[i] = v)
	DELETE_SUBSCR // a i ->
	BUILD_SLICE   // (arg 2 or 3) lo hi [step] -> slice(lo, hi[, step])

	// ---- operators
	BINARY_OP   // (arg BinaryOp) a b -> a op b   (in-place variants try __iop__ first)
	UNARY_OP    // (arg UnaryOp) x -> op x
	COMPARE_OP  // (arg CompareOp) a b -> a op b   (==, !=, <, <=, >, >=)
	IS_OP       // (arg 0: is, 1: is not) a b -> bool
	CONTAINS_OP // (arg 0: in, 1: not in) a b -> bool   (a in b)

	// ---- control flow
	JUMP                 // (arg target) ->
	POP_JUMP_IF_FALSE    // (arg target) x ->          jump when not truthy
	POP_JUMP_IF_TRUE     // (arg target) x ->          jump when truthy
	POP_JUMP_IF_NONE     // (arg target) x ->          jump when x is None
	POP_JUMP_IF_NOT_NONE // (arg target) x ->          jump when x is not None
	JUMP_IF_FALSE_OR_POP // (arg target) x -> x (jump when falsy) | -> (pop, fall through)
	JUMP_IF_TRUE_OR_POP  // (arg target) x -> x (jump when truthy) | -> (pop, fall through)
	GET_ITER             // (arg owned) x -> iter(x)   owned=1: x is a generator the call just made, which only this for loop holds
	FOR_ITER             // (arg target) it -> it next(it) | when exhausted: it -> (pop it, jump to target)
	RETURN_VALUE         // v -> (returns v from the frame)

	// ---- building values
	BUILD_TUPLE     // (arg n) x1..xn -> (x1, ..., xn)
	BUILD_LIST      // (arg n) x1..xn -> [x1, ..., xn]
	BUILD_SET       // (arg n) x1..xn -> {x1, ..., xn}
	BUILD_MAP       // (arg n) k1 v1 .. kn vn -> {k1: v1, ...}
	BUILD_STRING    // (arg n) s1..sn -> s1+...+sn   (all str)
	LIST_APPEND     // (arg i) ... L(i) ... v -> ... L ...   L = the i-th item from the top after popping v; L.append(v)
	SET_ADD         // (arg i) like LIST_APPEND for a set
	MAP_ADD         // (arg i) ... D(i) ... k v -> ... D ...   D[k] = v, D the i-th item after popping k and v
	LIST_EXTEND     // (arg i) ... L(i) ... x -> ... L ...   L.extend(x)
	SET_UPDATE      // (arg i) ... S(i) ... x -> ... S ...   S.update(x)
	DICT_UPDATE     // (arg i) ... D(i) ... m -> ... D ...   D.update(m) ({**m} in displays; TypeError "'int' object is not a mapping")
	DICT_MERGE      // (arg i) like DICT_UPDATE but for **m in calls: duplicate keys raise "f() got multiple values for keyword argument 'k'"
	LIST_TO_TUPLE   // L -> tuple(L)
	UNPACK_SEQUENCE // (arg n) seq -> xn .. x1   (x1 on top); ValueError on length mismatch
	UNPACK_EX       // (arg before | after<<8) seq -> x_last .. list .. x1   (x1 on top; the starred part is a list)
	FORMAT_VALUE    // (arg conv | 4 if spec) x [spec] -> str   conv: 0 none, 1 str, 2 repr, 3 ascii; then format(x, spec)

	// ---- calls and definitions
	CALL           // (arg n) f a1..an -> f(a1..an)
	CALL_KW        // (arg n) f a1..an names -> f(...)   names: a const tuple of str; the last len(names) of the n args are keyword values
	CALL_METHOD    // (arg n) f o a1..an -> f(o, a1..an) when o is not NULL, else f(a1..an)   (see LOAD_METHOD)
	CALL_METHOD_KW // (arg n) f o a1..an names -> like CALL_METHOD with keywords as in CALL_KW
	CALL_EX        // (arg 1 if kwargs) f args [kwargs] -> f(*args, **kwargs)   args a tuple, kwargs a dict
	MAKE_FUNCTION  // (arg flags 1/2/4/8) [defaults] [kwdefaults] [annotations] [closure] code -> function
	// flags: 1 a tuple of positional defaults, 2 a dict of keyword-only defaults, 8 a tuple of cells
	IMPORT_NAME // (arg name index) level fromlist -> module   (level an int, fromlist None or a tuple of str)
	IMPORT_FROM // (arg name index) module -> module module.name   (ImportError "cannot import name 'x' from 'm'")
	IMPORT_STAR // module ->   copies public names into the frame's locals mapping / globals
	PRINT_EXPR  // x ->   (REPL only) prints repr(x) unless None and sets builtins._

	// ---- exceptions (see Code.ExcTable: on an exception at pc the VM finds the
	// handler entry covering pc, pops the value stack down to entry.Depth,
	// pushes the exception and jumps to entry.Target)
	RAISE_VARARGS // (arg 0) -> re-raise the exception being handled ("RuntimeError: No active exception to reraise")
	// (arg 1) exc ->            raise exc (a class is instantiated)
	// (arg 2) exc cause ->      raise exc from cause (cause may be None)
	RERAISE           // exc ->   raise exc again without adding a traceback entry for this frame
	PUSH_EXC_INFO     // exc -> prev exc    prev = the exception being handled (None if none); exc becomes the one being handled
	POP_EXCEPT        // prev ->            the exception being handled becomes prev again
	CHECK_EXC_MATCH   // exc type -> exc bool   isinstance(exc, type); type may be a tuple; TypeError if not exception classes
	BEFORE_WITH       // mgr -> exit enter_result   exit is mgr.__exit__ bound; enter_result = mgr.__enter__()
	WITH_EXCEPT_START // exit prev exc -> exit prev exc res   res = exit(type(exc), exc, exc.__traceback__)

	// ---- generators and coroutines (issue 3 onwards; a code object with
	// FlagGenerator/FlagCoroutine returns a generator/coroutine when called)
	YIELD_VALUE         // v -> sent   suspends the frame yielding v; resumes with the sent value (None for next())
	GET_YIELD_FROM_ITER // x -> it   a generator or coroutine stays as it is (a coroutine only inside a coroutine
	//          or a FlagIterableCoroutine generator), anything else becomes iter(x)
	YIELD_FROM // it v -> result   delegate to it (PEP 380): send v, re-suspending with each value it yields,
	//          until it returns; result is its return value. Sub-generators are resumed directly
	//          (O(1) per resume, whatever the depth of the chain).
	GET_AWAITABLE     // x -> it   x.__await__() (a coroutine as is); TypeError "object int can't be used in 'await' expression"
	GET_AITER         // x -> x.__aiter__()
	GET_ANEXT         // ait -> ait awaitable   awaitable = ait.__anext__() made awaitable
	END_ASYNC_FOR     // ait exc ->   if exc is StopAsyncIteration pop both and continue, else re-raise exc
	BEFORE_ASYNC_WITH // mgr -> aexit awaitable   aexit = mgr.__aexit__ bound, awaitable = mgr.__aenter__()
	POP_ITER          // it ->   leave a for loop early (break, return): pop its iterator, closing a
	//                   generator the loop owns (GET_ITER 1), as CPython's reference count would

	numOpcodes
)

// BinaryOp is the argument of BINARY_OP. The in-place forms (`x += y`)
// are the plain ones plus InplaceOffset.
type BinaryOp uint32

// Binary operators.
const (
	BinAdd BinaryOp = iota
	BinSub
	BinMul
	BinMatMul
	BinTrueDiv
	BinFloorDiv
	BinMod
	BinPow
	BinLShift
	BinRShift
	BinAnd
	BinOr
	BinXor
	NumBinaryOps

	// InplaceOffset is added to a BinaryOp for the augmented-assignment form.
	InplaceOffset BinaryOp = 16
)

// UnaryOp is the argument of UNARY_OP.
type UnaryOp uint32

// Unary operators.
const (
	UnaryNeg UnaryOp = iota
	UnaryPos
	UnaryNot
	UnaryInvert
)

// CompareOp is the argument of COMPARE_OP.
type CompareOp uint32

// Comparison operators.
const (
	CmpLt CompareOp = iota
	CmpLe
	CmpEq
	CmpNe
	CmpGt
	CmpGe
)

var opcodeNames = [...]string{
	NOP: "NOP", POP_TOP: "POP_TOP", COPY: "COPY", SWAP: "SWAP",
	LOAD_CONST: "LOAD_CONST", LOAD_FAST: "LOAD_FAST", STORE_FAST: "STORE_FAST",
	DELETE_FAST: "DELETE_FAST", LOAD_DEREF: "LOAD_DEREF", STORE_DEREF: "STORE_DEREF",
	DELETE_DEREF: "DELETE_DEREF", LOAD_CLOSURE: "LOAD_CLOSURE",
	LOAD_CLASSDEREF: "LOAD_CLASSDEREF", LOAD_GLOBAL: "LOAD_GLOBAL",
	STORE_GLOBAL: "STORE_GLOBAL", DELETE_GLOBAL: "DELETE_GLOBAL",
	LOAD_NAME: "LOAD_NAME", STORE_NAME: "STORE_NAME", DELETE_NAME: "DELETE_NAME",
	LOAD_BUILD_CLASS: "LOAD_BUILD_CLASS", LOAD_ASSERTION_ERROR: "LOAD_ASSERTION_ERROR",
	LOAD_ATTR: "LOAD_ATTR", STORE_ATTR: "STORE_ATTR", DELETE_ATTR: "DELETE_ATTR",
	LOAD_METHOD: "LOAD_METHOD", BINARY_SUBSCR: "BINARY_SUBSCR",
	STORE_SUBSCR: "STORE_SUBSCR", DELETE_SUBSCR: "DELETE_SUBSCR",
	BUILD_SLICE: "BUILD_SLICE", BINARY_OP: "BINARY_OP", UNARY_OP: "UNARY_OP",
	COMPARE_OP: "COMPARE_OP", IS_OP: "IS_OP", CONTAINS_OP: "CONTAINS_OP",
	JUMP: "JUMP", POP_JUMP_IF_FALSE: "POP_JUMP_IF_FALSE",
	POP_JUMP_IF_TRUE: "POP_JUMP_IF_TRUE", POP_JUMP_IF_NONE: "POP_JUMP_IF_NONE",
	POP_JUMP_IF_NOT_NONE: "POP_JUMP_IF_NOT_NONE",
	JUMP_IF_FALSE_OR_POP: "JUMP_IF_FALSE_OR_POP",
	JUMP_IF_TRUE_OR_POP:  "JUMP_IF_TRUE_OR_POP", GET_ITER: "GET_ITER",
	FOR_ITER: "FOR_ITER", RETURN_VALUE: "RETURN_VALUE",
	BUILD_TUPLE: "BUILD_TUPLE", BUILD_LIST: "BUILD_LIST", BUILD_SET: "BUILD_SET",
	BUILD_MAP: "BUILD_MAP", BUILD_STRING: "BUILD_STRING",
	LIST_APPEND: "LIST_APPEND", SET_ADD: "SET_ADD", MAP_ADD: "MAP_ADD",
	LIST_EXTEND: "LIST_EXTEND", SET_UPDATE: "SET_UPDATE",
	DICT_UPDATE: "DICT_UPDATE", DICT_MERGE: "DICT_MERGE",
	LIST_TO_TUPLE: "LIST_TO_TUPLE", UNPACK_SEQUENCE: "UNPACK_SEQUENCE",
	UNPACK_EX: "UNPACK_EX", FORMAT_VALUE: "FORMAT_VALUE", CALL: "CALL",
	CALL_KW: "CALL_KW", CALL_METHOD: "CALL_METHOD", CALL_METHOD_KW: "CALL_METHOD_KW",
	CALL_EX: "CALL_EX", MAKE_FUNCTION: "MAKE_FUNCTION", IMPORT_NAME: "IMPORT_NAME",
	IMPORT_FROM: "IMPORT_FROM", IMPORT_STAR: "IMPORT_STAR", PRINT_EXPR: "PRINT_EXPR",
	RAISE_VARARGS: "RAISE_VARARGS", RERAISE: "RERAISE",
	PUSH_EXC_INFO: "PUSH_EXC_INFO", POP_EXCEPT: "POP_EXCEPT",
	CHECK_EXC_MATCH: "CHECK_EXC_MATCH", BEFORE_WITH: "BEFORE_WITH",
	WITH_EXCEPT_START: "WITH_EXCEPT_START", YIELD_VALUE: "YIELD_VALUE",
	GET_YIELD_FROM_ITER: "GET_YIELD_FROM_ITER", YIELD_FROM: "YIELD_FROM",
	GET_AWAITABLE: "GET_AWAITABLE", GET_AITER: "GET_AITER", GET_ANEXT: "GET_ANEXT",
	END_ASYNC_FOR: "END_ASYNC_FOR", BEFORE_ASYNC_WITH: "BEFORE_ASYNC_WITH", POP_ITER: "POP_ITER",
}

func (op Opcode) String() string {
	if int(op) < len(opcodeNames) && opcodeNames[op] != "" {
		return opcodeNames[op]
	}
	return "OP?"
}

// MakeInstr encodes an instruction.
func MakeInstr(op Opcode, arg uint32) uint32 { return uint32(op) | arg<<8 }

// DecodeInstr splits an instruction into opcode and argument.
func DecodeInstr(ins uint32) (Opcode, uint32) { return Opcode(ins & 0xff), ins >> 8 }

// MaxArg is the largest instruction argument.
const MaxArg = 1<<24 - 1

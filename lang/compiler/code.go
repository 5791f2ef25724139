// code.go defines Code, the compiled form of a module, function, class body,
// lambda or comprehension, and the constant kinds it may hold.

package compiler

// Flags describe a code object.
type Flags uint32

// Code flags.
const (
	FlagVarargs        Flags = 1 << iota // has *args
	FlagVarkw                            // has **kwargs
	FlagGenerator                        // contains yield / yield from: calling returns a generator
	FlagCoroutine                        // async def: calling returns a coroutine
	FlagAsyncGenerator                   // async def containing yield
	FlagClassBody                        // a class body: runs with a namespace dict as its locals mapping
	FlagModule                           // a module body: locals mapping is the globals dict
	FlagComprehension                    // a comprehension or generator expression body
	FlagLambda                           // a lambda
	FlagNested                           // defined inside a function
	// FlagIterableCoroutine marks a generator decorated with
	// types.coroutine / asyncio.coroutine: awaitable. Set by the VM.
	FlagIterableCoroutine
)

// Tuple is a constant tuple (its items are constants too).
type Tuple []any

// Code is one compiled body. The VM never mutates it, except through
// Runtime, which is the VM's own cache slot.
type Code struct {
	Name      string // function name; "<module>", "<lambda>", "<listcomp>", "<genexpr>", class name
	QualName  string // dotted qualified name, CPython style: "C.m.<locals>.f"
	Filename  string
	FirstLine int
	Flags     Flags

	ArgCount     int // positional parameters (including positional-only)
	PosOnlyCount int
	KwOnlyCount  int
	// VarNames are the local slots: the parameters first, in order
	// (positional, keyword-only, then *args, then **kwargs), then other locals.
	VarNames []string
	// CellVars are locals captured by inner functions, FreeVars the
	// variables this code captures. Cell index i < len(CellVars) names
	// CellVars[i], otherwise FreeVars[i-len(CellVars)].
	CellVars []string
	FreeVars []string
	// Cell2Arg maps each CellVars index to the VarNames index of the
	// parameter it is (its value is copied into the cell on entry), or -1.
	Cell2Arg []int

	Names  []string // names used by *_ATTR, *_GLOBAL, *_NAME, LOAD_METHOD, IMPORT_*
	Consts []any    // nil, bool, int64, *big.Int, float64, complex128, string, ast.Bytes, ast.EllipsisType, Tuple, *Code

	Instrs    []uint32 // see MakeInstr
	Lines     []int32  // source line of each instruction (parallel to Instrs)
	ExcTable  []ExcEntry
	StackSize int // the largest depth of the value stack

	// Runtime is reserved for the VM (converted constants, inline caches).
	Runtime any
}

// ExcEntry is one row of the exception table: an exception raised by an
// instruction in [Start, End) is handled by popping the value stack down to
// Depth items, pushing the exception and jumping to Target. Entries never
// overlap; instructions that no entry covers propagate the exception to
// the caller.
type ExcEntry struct {
	Start, End int32
	Target     int32
	Depth      int32
}

// Line returns the source line of instruction pc.
func (c *Code) Line(pc int) int {
	if pc >= 0 && pc < len(c.Lines) {
		return int(c.Lines[pc])
	}
	return c.FirstLine
}

// Handler returns the exception-table entry covering pc, or nil.
func (c *Code) Handler(pc int) *ExcEntry {
	for i := range c.ExcTable {
		e := &c.ExcTable[i]
		if int32(pc) >= e.Start && int32(pc) < e.End {
			return e
		}
	}
	return nil
}

// NumCells is the number of cell slots (CellVars and FreeVars).
func (c *Code) NumCells() int { return len(c.CellVars) + len(c.FreeVars) }

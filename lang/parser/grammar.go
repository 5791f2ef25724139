// grammar.go holds the participle grammar of yflow: internal structs whose
// tags describe the syntax. The grammar is LL(1) apart from a few one-token
// backtracks (trailing commas, `not in`, soft keywords); binary operators are
// captured as flat operand/operator chains and given their precedence by
// precedence climbing in lower.go.

package parser

import (
	"github.com/alecthomas/participle/v2/lexer"
)

// ------------------------------------------------------------------ inputs

// gFile is a whole module.
type gFile struct {
	Stmts []*gStmt `parser:"@@*"`
}

// gEval is the input of ParseExpr: an expression list and nothing else.
type gEval struct {
	X *gTestListStar `parser:"@@ Newline?"`
}

// gField is the expression of an f-string replacement field.
type gField struct {
	Yield *gYield        `parser:"  @@"`
	X     *gTestListStar `parser:"| @@"`
}

// -------------------------------------------------------------- statements

type gStmt struct {
	Pos       lexer.Position
	Decorated *gDecorated  `parser:"  @@"`
	Async     *gAsync      `parser:"| @@"`
	If        *gIf         `parser:"| @@"`
	While     *gWhile      `parser:"| @@"`
	For       *gFor        `parser:"| @@"`
	Try       *gTry        `parser:"| @@"`
	With      *gWith       `parser:"| @@"`
	Def       *gFuncDef    `parser:"| @@"`
	Class     *gClassDef   `parser:"| @@"`
	Simple    *gSimpleLine `parser:"| @@"`
}

type gDecorator struct {
	Pos lexer.Position
	X   *gNamed `parser:"'@' @@ Newline"`
}

type gDecorated struct {
	Decorators []*gDecorator `parser:"@@+"`
	Async      lexer.Token   `parser:"@'async'?"`
	Def        *gFuncDef     `parser:"( @@"`
	Class      *gClassDef    `parser:"| @@ )"`
}

type gAsync struct {
	Def  *gFuncDef `parser:"'async' ( @@"`
	For  *gFor     `parser:"| @@"`
	With *gWith    `parser:"| @@ )"`
}

type gSuite struct {
	Block  []*gStmt     `parser:"  Newline Indent @@+ Dedent"`
	Simple *gSimpleLine `parser:"| @@"`
}

type gIf struct {
	Pos   lexer.Position
	Cond  *gNamed  `parser:"'if' @@ ':'"`
	Body  *gSuite  `parser:"@@"`
	Elifs []*gElif `parser:"@@*"`
	Else  *gSuite  `parser:"( 'else' ':' @@ )?"`
}

type gElif struct {
	Pos  lexer.Position
	Cond *gNamed `parser:"'elif' @@ ':'"`
	Body *gSuite `parser:"@@"`
}

type gWhile struct {
	Pos  lexer.Position
	Cond *gNamed `parser:"'while' @@ ':'"`
	Body *gSuite `parser:"@@"`
	Else *gSuite `parser:"( 'else' ':' @@ )?"`
}

// gFor's Yielding is the soft keyword `yielding`, which the lexer retypes
// as a Keyword where it is one (see markYielding).
type gFor struct {
	Pos      lexer.Position
	Target   *gTargetList   `parser:"'for' @@ 'in'"`
	Yielding bool           `parser:"@'yielding':Keyword?"`
	Iter     *gTestListStar `parser:"@@ ':'"`
	Body     *gSuite        `parser:"@@"`
	Else     *gSuite        `parser:"( 'else' ':' @@ )?"`
}

type gTry struct {
	Pos      lexer.Position
	EndPos   lexer.Position
	Body     *gSuite    `parser:"'try' ':' @@"`
	Handlers []*gExcept `parser:"@@*"`
	Else     *gSuite    `parser:"( 'else' ':' @@ )?"`
	Finally  *gSuite    `parser:"( 'finally' ':' @@ )?"`
}

type gExcept struct {
	Pos  lexer.Position
	Type *gTest  `parser:"'except' ( @@"`
	Name string  `parser:"( 'as' @Name )? )? ':'"`
	Body *gSuite `parser:"@@"`
}

type gWith struct {
	Pos      lexer.Position
	Yielding bool         `parser:"'with' @'yielding':Keyword?"`
	Paren    []*gWithItem `parser:"( WithParen @@ ( (?! ',' ')' ) ',' @@ )* ','? ')'"`
	Items    []*gWithItem `parser:"| @@ ( ',' @@ )* ) ':'"`
	Body     *gSuite      `parser:"@@"`
}

type gWithItem struct {
	Pos    lexer.Position
	Ctx    *gTest  `parser:"@@"`
	Target *gBitOr `parser:"( 'as' @@ )?"`
}

type gFuncDef struct {
	Pos     lexer.Position
	Name    string    `parser:"'def' @Name '('"`
	Params  []*gParam `parser:"( @@ ( (?! ',' ')' ) ',' @@ )* ','? )? ')'"`
	Returns *gTest    `parser:"( '->' @@ )? ':'"`
	Body    *gSuite   `parser:"@@"`
}

// gParam is one parameter of a def: `/`, `*`, `*name`, `**name` or a
// plain name.
type gParam struct {
	Pos    lexer.Position
	Slash  bool        `parser:"(  @'/'"`
	DStar  *gParamName `parser:" | '**' @@"`
	Star   bool        `parser:" | @'*'"`
	Vararg *gParamName `parser:"   @@?"`
	Plain  *gParamName `parser:" | @@ )"`
}

type gParamName struct {
	Name    lexer.Token `parser:"@Name"`
	Annot   *gTest      `parser:"( ':' @@ )?"`
	Default *gTest      `parser:"( '=' @@ )?"`
}

type gClassDef struct {
	Pos   lexer.Position
	Name  string  `parser:"'class' @Name"`
	Paren bool    `parser:"( @'('"`
	Args  []*gArg `parser:"  ( @@ ( (?! ',' ')' ) ',' @@ )* ','? )? ')' )? ':'"`
	Body  *gSuite `parser:"@@"`
}

type gSimpleLine struct {
	Stmts []*gSmall `parser:"@@ ( (?! ';' Newline ) ';' @@ )* ';'? Newline"`
}

type gSmall struct {
	Pos      lexer.Position
	Pass     bool       `parser:"  @'pass'"`
	Break    bool       `parser:"| @'break'"`
	Continue bool       `parser:"| @'continue'"`
	Return   *gReturn   `parser:"| @@"`
	Raise    *gRaise    `parser:"| @@"`
	Global   []string   `parser:"| 'global' @Name ( ',' @Name )*"`
	Nonlocal []string   `parser:"| 'nonlocal' @Name ( ',' @Name )*"`
	Del      *gDel      `parser:"| @@"`
	Assert   *gAssert   `parser:"| @@"`
	Import   *gImport   `parser:"| @@"`
	From     *gFrom     `parser:"| @@"`
	Expr     *gExprStmt `parser:"| @@"`
}

type gReturn struct {
	Kw    string         `parser:"@'return'"`
	Value *gTestListStar `parser:"@@?"`
}

type gRaise struct {
	Kw    string `parser:"@'raise'"`
	Exc   *gTest `parser:"( @@"`
	Cause *gTest `parser:"  ( 'from' @@ )? )?"`
}

type gDel struct {
	Targets *gTargetList `parser:"'del' @@"`
}

type gAssert struct {
	Test *gTest `parser:"'assert' @@"`
	Msg  *gTest `parser:"( ',' @@ )?"`
}

type gImport struct {
	Names []*gDottedAs `parser:"'import' @@ ( ',' @@ )*"`
}

type gDottedAs struct {
	Pos  lexer.Position
	Name []string `parser:"@Name ( '.' @Name )*"`
	As   string   `parser:"( 'as' @Name )?"`
}

type gFrom struct {
	Dots   []string     `parser:"'from' @( '.' | '...' )*"`
	Module []string     `parser:"( @Name ( '.' @Name )* )? 'import'"`
	Star   bool         `parser:"(  @'*'"`
	Paren  []*gImportAs `parser:" | '(' @@ ( (?! ',' ')' ) ',' @@ )* ','? ')'"`
	Names  []*gImportAs `parser:" | @@ ( ',' @@ )* )"`
}

type gImportAs struct {
	Pos  lexer.Position
	Name string `parser:"@Name"`
	As   string `parser:"( 'as' @Name )?"`
}

type gExprStmt struct {
	First  *gExprOrYield   `parser:"@@"`
	Aug    *gAug           `parser:"( @@"`
	Ann    *gAnn           `parser:"| @@"`
	Assign []*gExprOrYield `parser:"| ( '=' @@ )+ )?"`
}

type gAug struct {
	Op    string        `parser:"@( '+=' | '-=' | '*=' | '@=' | '/=' | '//=' | '%=' | '**=' | '>>=' | '<<=' | '&=' | '^=' | '|=' )"`
	Value *gExprOrYield `parser:"@@"`
}

type gAnn struct {
	Annot *gTest        `parser:"':' @@"`
	Value *gExprOrYield `parser:"( '=' @@ )?"`
}

type gExprOrYield struct {
	Yield *gYield        `parser:"  @@"`
	List  *gTestListStar `parser:"| @@"`
}

// ------------------------------------------------------------- expressions

// gTestListStar is `a, *b, c` with an optional trailing comma.
type gTestListStar struct {
	Pos   lexer.Position
	Items []*gStarOrTest `parser:"@@ ( (?= ',' ( Name | Number | String | '(' | '[' | '{' | '-' | '+' | '~' | '...' | 'None' | 'True' | 'False' | 'lambda' | 'not' | 'await' | '*' ) ) ',' @@ )*"`
	Comma bool           `parser:"@','?"`
}

type gStarOrTest struct {
	Pos  lexer.Position
	Star *gBitOr `parser:"  '*' @@"`
	X    *gTest  `parser:"| @@"`
}

// gTargetList is the target list of `for` and `del`: bitwise-or level
// expressions, so that the `in` of a for is not taken as an operator.
type gTargetList struct {
	Pos   lexer.Position
	Items []*gStarOrBitOr `parser:"@@ ( (?= ',' ( Name | Number | String | '(' | '[' | '{' | '-' | '+' | '~' | '...' | 'None' | 'True' | 'False' | 'lambda' | 'not' | 'await' | '*' ) ) ',' @@ )*"`
	Comma bool            `parser:"@','?"`
}

type gStarOrBitOr struct {
	Pos  lexer.Position
	Star *gBitOr `parser:"  '*' @@"`
	X    *gBitOr `parser:"| @@"`
}

type gStarOrNamed struct {
	Pos  lexer.Position
	Star *gBitOr `parser:"  '*' @@"`
	X    *gNamed `parser:"| @@"`
}

type gYield struct {
	Pos   lexer.Position
	From  *gTest         `parser:"'yield' ( 'from' @@"`
	Value *gTestListStar `parser:"| @@ )?"`
}

// gNamed is `test [:= test]`.
type gNamed struct {
	Pos   lexer.Position
	X     *gTest `parser:"@@"`
	Value *gTest `parser:"( ':=' @@ )?"`
}

// gTest is lambda or a conditional expression.
type gTest struct {
	Pos    lexer.Position
	Lambda *gLambda `parser:"  @@"`
	Body   *gDisj   `parser:"| @@"`
	Cond   *gDisj   `parser:"  ( 'if' @@"`
	Else   *gTest   `parser:"    'else' @@ )?"`
}

type gLambda struct {
	Pos    lexer.Position
	Params []*gLambdaParam `parser:"'lambda' ( @@ ( (?! ',' ':' ) ',' @@ )* ','? )? ':'"`
	Body   *gTest          `parser:"@@"`
}

type gLambdaParam struct {
	Pos    lexer.Position
	Slash  bool              `parser:"(  @'/'"`
	DStar  *gLambdaParamName `parser:" | '**' @@"`
	Star   bool              `parser:" | @'*'"`
	Vararg *gLambdaParamName `parser:"   @@?"`
	Plain  *gLambdaParamName `parser:" | @@ )"`
}

type gLambdaParamName struct {
	Name    lexer.Token `parser:"@Name"`
	Default *gTest      `parser:"( '=' @@ )?"`
}

// gDisj is a flat chain of `or`, `and` and comparison operators between
// operands that may carry `not` prefixes.
type gDisj struct {
	Pos  lexer.Position
	Head *gNotOperand  `parser:"@@"`
	Tail []*gLogicTail `parser:"@@*"`
}

type gLogicTail struct {
	Op    []string     `parser:"@( 'or' | 'and' | '<' | '>' | '==' | '>=' | '<=' | '!=' | 'in' | 'not' 'in' | 'is' 'not'? )"`
	Right *gNotOperand `parser:"@@"`
}

type gNotOperand struct {
	Pos lexer.Position
	Not *gNotOperand `parser:"(  'not' @@"`
	X   *gBitOr      `parser:" | @@ )"`
}

// gBitOr is a flat chain of the binary operators from `|` up to `*`.
type gBitOr struct {
	Pos  lexer.Position
	Head *gFactor    `parser:"@@"`
	Tail []*gBinTail `parser:"@@*"`
}

type gBinTail struct {
	Op    string   `parser:"@( '|' | '^' | '&' | '<<' | '>>' | '+' | '-' | '*' | '/' | '//' | '%' | '@' )"`
	Right *gFactor `parser:"@@"`
}

// gFactor is unary +, -, ~ or a power.
type gFactor struct {
	Pos   lexer.Position
	Op    string   `parser:"(  @( '-' | '+' | '~' )"`
	X     *gFactor `parser:"   @@"`
	Power *gPower  `parser:" | @@ )"`
}

type gPower struct {
	Pos     lexer.Position
	Await   *gPrimary `parser:"(  'await' @@"`
	Primary *gPrimary `parser:" | @@ )"`
	Exp     *gFactor  `parser:"( '**' @@ )?"`
}

type gPrimary struct {
	Pos      lexer.Position
	Atom     *gAtom      `parser:"@@"`
	Trailers []*gTrailer `parser:"@@*"`
}

type gTrailer struct {
	Pos      lexer.Position
	Call     bool    `parser:"(  @'('"`
	Args     []*gArg `parser:"   ( @@ ( (?! ',' ')' ) ',' @@ )* ','? )? ')'"`
	Index    bool    `parser:" | @'['"`
	Subs     []*gSub `parser:"   @@ ( (?! ',' ']' ) ',' @@ )*"`
	SubComma bool    `parser:"   @','? ']'"`
	Attr     string  `parser:" | '.' @Name )"`
}

type gArg struct {
	Pos    lexer.Position
	Star   *gTest    `parser:"(  '*' @@"`
	DStar  *gTest    `parser:" | '**' @@"`
	X      *gTest    `parser:" | @@"`
	Walrus *gTest    `parser:"   ( ':=' @@"`
	Kw     *gTest    `parser:"   | '=' @@"`
	Comp   *gCompFor `parser:"   | @@ )? )"`
}

type gSub struct {
	Pos   lexer.Position
	Lo    *gNamed     `parser:"(  @@"`
	Slice *gSliceRest `parser:"   @@?"`
	Only  *gSliceRest `parser:" | @@ )"`
}

type gSliceRest struct {
	Pos  lexer.Position
	Hi   *gTest `parser:"':' @@?"`
	Step *gStep `parser:"@@?"`
}

type gStep struct {
	X *gTest `parser:"':' @@?"`
}

type gAtom struct {
	Pos     lexer.Position
	Paren   bool           `parser:"(  @'('"`
	ParenIn *gParenBody    `parser:"   @@? ')'"`
	List    bool           `parser:" | @'['"`
	ListIn  *gTestListComp `parser:"   @@? ']'"`
	Brace   bool           `parser:" | @'{'"`
	BraceIn *gBrace        `parser:"   @@? '}'"`
	Name    string         `parser:" | @Name"`
	Number  string         `parser:" | @Number"`
	Strs    []lexer.Token  `parser:" | @( String+ )"`
	Const   string         `parser:" | @( 'None' | 'True' | 'False' | '...' ) )"`
}

type gParenBody struct {
	Yield *gYield        `parser:"  @@"`
	Items *gTestListComp `parser:"| @@"`
}

// gTestListComp is the inside of () or []: a comprehension or a list of
// items (lower.go rejects both at once).
type gTestListComp struct {
	Pos   lexer.Position
	First *gStarOrNamed   `parser:"@@"`
	Comp  *gCompFor       `parser:"@@?"`
	Rest  []*gStarOrNamed `parser:"( (?! ',' ( ')' | ']' ) ) ',' @@ )*"`
	Comma bool            `parser:"@','?"`
}

type gBrace struct {
	Pos   lexer.Position
	First *gDictItem   `parser:"@@"`
	Comp  *gCompFor    `parser:"@@?"`
	Rest  []*gDictItem `parser:"( (?! ',' '}' ) ',' @@ )*"`
	Comma bool         `parser:"@','?"`
}

type gDictItem struct {
	Pos   lexer.Position
	DStar *gBitOr `parser:"(  '**' @@"`
	Star  *gBitOr `parser:" | '*' @@"`
	Key   *gNamed `parser:" | @@"`
	Value *gTest  `parser:"   ( ':' @@ )? )"`
}

// gCompFor is a `for` clause of a comprehension and the clauses after it.
type gCompFor struct {
	Pos      lexer.Position
	Async    bool         `parser:"( @'async' 'for' | 'for' )"`
	Target   *gTargetList `parser:"@@ 'in'"`
	Yielding bool         `parser:"@'yielding':Keyword?"`
	Iter     *gDisj       `parser:"@@"`
	Rest     []*gCompIter `parser:"@@*"`
}

type gCompIter struct {
	Pos lexer.Position
	If  *gDisj    `parser:"(  'if' @@"`
	For *gCompFor `parser:" | @@ )"`
}

package vm

func (t *Thread) nextWithValue(it Value) (Value, bool, error) { return t.Next(it) }
func builtinOpen(t *Thread, _ Value, args []Value, kw []*Str) (Value, error) {
	return Null, Errorf(NotImplementedErrorType, "open")
}

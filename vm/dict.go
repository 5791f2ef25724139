// dict.go implements Dict, Python's insertion-ordered hash map: a dense
// entry array in insertion order plus an open-addressing index into it.
// Set reuses the same table with no values.

package vm

// Dict is a Python dict.
type Dict struct {
	entries []dictEntry
	index   []int32 // nil while small; else len is a power of two; -1 empty
	live    int
	ver     uint64 // bumped on every mutation (global caches key on it)
}

type dictEntry struct {
	key, val Value
	hash     int64
}

const dictSmall = 8

// Type implements Object.
func (*Dict) Type() *Type { return DictType }

// NewDict makes an empty dict.
func NewDict() *Dict { return &Dict{} }

// Len is the number of items.
func (d *Dict) Len() int { return d.live }

func (d *Dict) find(t *Thread, k Value, h int64) (int, error) {
	if d.index == nil {
		for i := range d.entries {
			e := &d.entries[i]
			if e.hash == h && e.key.o != nil {
				eq, err := keyEqual(t, e.key, k)
				if err != nil {
					return -1, err
				}
				if eq {
					return i, nil
				}
			}
		}
		return -1, nil
	}
	mask := len(d.index) - 1
	for j := int(uint64(h)) & mask; ; j = (j + 1) & mask {
		ix := d.index[j]
		if ix == -1 {
			return -1, nil
		}
		if ix < 0 {
			continue
		}
		e := &d.entries[ix]
		if e.hash == h && e.key.o != nil {
			eq, err := keyEqual(t, e.key, k)
			if err != nil {
				return -1, err
			}
			if eq {
				return int(ix), nil
			}
		}
	}
}

// keyEqual is identity or equality, as dict lookups use.
func keyEqual(t *Thread, a, b Value) (bool, error) {
	if a.o == b.o && a.n == b.n {
		return true, nil
	}
	if as, ok := a.o.(*Str); ok {
		if bs, ok := b.o.(*Str); ok {
			return as.s == bs.s, nil
		}
		if _, ok := b.o.(*Instance); !ok {
			return false, nil
		}
	}
	if t == nil {
		return false, nil
	}
	return t.Equal(a, b)
}

func (d *Dict) findStr(k *Str) int {
	h := k.Hash()
	if d.index == nil {
		for i := range d.entries {
			e := &d.entries[i]
			if e.hash == h {
				if s, ok := e.key.o.(*Str); ok && (s == k || s.s == k.s) {
					return i
				}
			}
		}
		return -1
	}
	mask := len(d.index) - 1
	for j := int(uint64(h)) & mask; ; j = (j + 1) & mask {
		ix := d.index[j]
		if ix == -1 {
			return -1
		}
		if ix < 0 {
			continue
		}
		e := &d.entries[ix]
		if e.hash == h {
			if s, ok := e.key.o.(*Str); ok && (s == k || s.s == k.s) {
				return int(ix)
			}
		}
	}
}

// GetStr looks up a str key.
func (d *Dict) GetStr(k *Str) (Value, bool) {
	i := d.findStr(k)
	if i < 0 {
		return Null, false
	}
	return d.entries[i].val, true
}

// SetStr stores a str key.
func (d *Dict) SetStr(k *Str, v Value) {
	d.ver++
	if i := d.findStr(k); i >= 0 {
		d.entries[i].val = v
		return
	}
	d.insert(Value{o: k}, v, k.Hash())
}

// Get looks up any key.
func (d *Dict) Get(t *Thread, k Value) (Value, bool, error) {
	if s, ok := k.o.(*Str); ok {
		v, ok := d.GetStr(s)
		return v, ok, nil
	}
	h, err := t.Hash(k)
	if err != nil {
		return Null, false, err
	}
	i, err := d.find(t, k, h)
	if err != nil || i < 0 {
		return Null, false, err
	}
	return d.entries[i].val, true, nil
}

// Set stores any key.
func (d *Dict) Set(t *Thread, k, v Value) error {
	if s, ok := k.o.(*Str); ok {
		d.SetStr(s, v)
		return nil
	}
	h, err := t.Hash(k)
	if err != nil {
		return err
	}
	i, err := d.find(t, k, h)
	if err != nil {
		return err
	}
	d.ver++
	if i >= 0 {
		d.entries[i].val = v
		return nil
	}
	d.insert(k, v, h)
	return nil
}

// Delete removes a key, reporting whether it was present.
func (d *Dict) Delete(t *Thread, k Value) (bool, error) {
	var i int
	if s, ok := k.o.(*Str); ok {
		i = d.findStr(s)
	} else {
		h, err := t.Hash(k)
		if err != nil {
			return false, err
		}
		i, err = d.find(t, k, h)
		if err != nil {
			return false, err
		}
	}
	if i < 0 {
		return false, nil
	}
	d.removeAt(i)
	return true, nil
}

// Pop removes a key, returning its value.
func (d *Dict) Pop(t *Thread, k Value) (Value, bool, error) {
	h, err := t.Hash(k)
	if err != nil {
		return Null, false, err
	}
	i, err := d.find(t, k, h)
	if err != nil || i < 0 {
		return Null, false, err
	}
	v := d.entries[i].val
	d.removeAt(i)
	return v, true, nil
}

func (d *Dict) removeAt(i int) {
	d.ver++
	e := &d.entries[i]
	if d.index != nil {
		mask := len(d.index) - 1
		for j := int(uint64(e.hash)) & mask; ; j = (j + 1) & mask {
			if d.index[j] == int32(i) {
				d.index[j] = -2
				break
			}
		}
	}
	*e = dictEntry{}
	d.live--
	if i == len(d.entries)-1 {
		d.entries = d.entries[:i]
	}
	if d.live == 0 {
		d.entries = d.entries[:0]
		d.index = nil
	} else if len(d.entries) > 32 && d.live < len(d.entries)/4 {
		d.rebuild()
	}
}

func (d *Dict) insert(k, v Value, h int64) {
	if len(d.entries) == cap(d.entries) {
		// grow by doubling (append grows big slices by only 1.25x)
		n := make([]dictEntry, len(d.entries), max(4, 2*cap(d.entries)))
		copy(n, d.entries)
		d.entries = n
	}
	d.entries = append(d.entries, dictEntry{key: k, val: v, hash: h})
	d.live++
	n := len(d.entries)
	if n <= dictSmall {
		return
	}
	if d.index == nil || n*3 >= len(d.index)*2 {
		d.rebuild()
		return
	}
	d.place(int32(n-1), h)
}

func (d *Dict) place(ix int32, h int64) {
	mask := len(d.index) - 1
	for j := int(uint64(h)) & mask; ; j = (j + 1) & mask {
		if d.index[j] < 0 {
			d.index[j] = ix
			return
		}
	}
}

// rebuild compacts the entries and rebuilds the index.
func (d *Dict) rebuild() {
	if d.live != len(d.entries) {
		out := d.entries[:0]
		for _, e := range d.entries {
			if e.key.o != nil {
				out = append(out, e)
			}
		}
		for i := len(out); i < len(d.entries); i++ {
			d.entries[i] = dictEntry{}
		}
		d.entries = out
	}
	if len(d.entries) <= dictSmall {
		d.index = nil
		return
	}
	size := 16
	for size*2 < len(d.entries)*3+3 {
		size *= 2
	}
	size *= 2
	d.index = make([]int32, size)
	for i := range d.index {
		d.index[i] = -1
	}
	for i, e := range d.entries {
		d.place(int32(i), e.hash)
	}
}

// Clear empties the dict.
func (d *Dict) Clear() {
	d.ver++
	d.entries = nil
	d.index = nil
	d.live = 0
}

// Items calls fn for each item in insertion order; fn returns false to stop.
// The dict must not be mutated meanwhile.
func (d *Dict) Items(fn func(k, v Value) bool) {
	for _, e := range d.entries {
		if e.key.o != nil {
			if !fn(e.key, e.val) {
				return
			}
		}
	}
}

// Keys returns the keys in order.
func (d *Dict) Keys() []Value {
	out := make([]Value, 0, d.live)
	for _, e := range d.entries {
		if e.key.o != nil {
			out = append(out, e.key)
		}
	}
	return out
}

// Copy returns a shallow copy.
func (d *Dict) Copy() *Dict {
	n := &Dict{live: d.live}
	n.entries = make([]dictEntry, 0, d.live)
	for _, e := range d.entries {
		if e.key.o != nil {
			n.entries = append(n.entries, e)
		}
	}
	if len(n.entries) > dictSmall {
		n.rebuild()
	}
	return n
}

// entryAt returns the i-th raw entry slot (for iterators); ok is false
// past the end; a deleted slot has a NULL key.
func (d *Dict) entryAt(i int) (dictEntry, bool) {
	if i >= len(d.entries) {
		return dictEntry{}, false
	}
	return d.entries[i], true
}

// set_impl.go implements Set, the storage of set and frozenset: an
// open-addressing hash table that follows CPython 3.11's
// Objects/setobject.c step for step (initial size 8, LINEAR_PROBES = 9
// linear probes then the perturb recurrence, resize when fill*5 >= mask*3,
// deletion leaving dummies), so that sets iterate, print and pop in the
// same order as CPython's whenever the element hashes agree (ints, floats,
// tuples of them...; str hashes are randomised in CPython anyway).

package vm

const (
	setMinSize      = 8
	setLinearProbes = 9
	setPerturbShift = 5
)

// setDummyKey marks a deleted slot.
type setDummyKey struct{}

// Type implements Object.
func (*setDummyKey) Type() *Type { return ObjectType }

var setDummy = &setDummyKey{}

// setEntry is one slot: key.o == nil is unused, key.o == setDummy deleted.
type setEntry struct {
	key  Value
	hash int64
}

// Set is a set or frozenset.
type Set struct {
	table  []setEntry // nil while empty and never grown (an implicit 8-slot table)
	fill   int        // active + dummy slots
	used   int        // active slots
	finger int        // where pop() resumes its search
	frozen bool
	hash   int64 // cached frozenset hash; 0 means not computed yet
	hashed bool
}

// Type implements Object.
func (s *Set) Type() *Type {
	if s.frozen {
		return FrozenSetType
	}
	return SetType
}

// NewSet makes an empty set.
func NewSet() *Set { return &Set{} }

// NewFrozenSet makes an empty frozenset.
func NewFrozenSet() *Set { return &Set{frozen: true} }

// Len is the number of elements.
func (s *Set) Len() int { return s.used }

func (s *Set) mask() int {
	if s.table == nil {
		return setMinSize - 1
	}
	return len(s.table) - 1
}

// Elems returns the elements in iteration (slot) order.
func (s *Set) Elems() []Value {
	out := make([]Value, 0, s.used)
	for i := range s.table {
		if k := s.table[i].key; k.o != nil && k.o != Object(setDummy) {
			out = append(out, k)
		}
	}
	return out
}

// next returns the active entry at or after slot *pos and advances *pos
// past it (CPython's set_next).
func (s *Set) next(pos *int) (*setEntry, bool) {
	for i := *pos; i < len(s.table); i++ {
		e := &s.table[i]
		if e.key.o != nil && e.key.o != Object(setDummy) {
			*pos = i + 1
			return e, true
		}
	}
	*pos = len(s.table)
	return nil, false
}

// setKeyHash hashes a set element with CPython's errors.
func (t *Thread) setKeyHash(k Value) (int64, error) {
	if s, ok := k.o.(*Str); ok {
		return s.Hash(), nil
	}
	if k.IsInt() {
		return hashInt(k.AsInt()), nil
	}
	return t.Hash(k)
}

// lookup finds the slot of key: found reports an active match; otherwise
// the returned index is the slot an insertion takes: the last dummy seen
// on the probe sequence (CPython's freeslot), else the unused slot ending
// it; fresh reports the latter.
func (s *Set) lookup(t *Thread, key Value, h int64) (idx int, found bool, fresh bool, err error) {
	if s.table == nil {
		s.table = make([]setEntry, setMinSize)
	}
restart:
	table := s.table
	mask := uint64(len(table) - 1)
	i := uint64(h) & mask
	perturb := uint64(h)
	free := -1
	for {
		probes := uint64(0)
		if i+setLinearProbes <= mask {
			probes = setLinearProbes
		}
		for j := i; j <= i+probes; j++ {
			e := &table[j]
			if e.key.o == nil {
				if free >= 0 {
					return free, false, false, nil
				}
				return int(j), false, true, nil
			}
			if e.hash != h {
				if e.hash == -1 && e.key.o == Object(setDummy) {
					free = int(j)
				}
				continue
			}
			sk := e.key
			if sk.o == key.o && sk.n == key.n {
				return int(j), true, false, nil
			}
			if a, ok := sk.o.(*Str); ok {
				if b, ok := key.o.(*Str); ok {
					if a.s == b.s {
						return int(j), true, false, nil
					}
					continue
				}
			}
			if t == nil {
				continue
			}
			eq, err := t.Equal(sk, key)
			if err != nil {
				return -1, false, false, err
			}
			// the comparison may have mutated the set
			if len(s.table) != len(table) || &s.table[0] != &table[0] || !e.key.Is(sk) {
				goto restart
			}
			if eq {
				return int(j), true, false, nil
			}
		}
		perturb >>= setPerturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// addEntry is CPython's set_add_entry.
func (s *Set) addEntry(t *Thread, key Value, h int64) error {
	j, found, fresh, err := s.lookup(t, key, h)
	if err != nil || found {
		return err
	}
	s.table[j] = setEntry{key: key, hash: h}
	s.used++
	s.hashed = false
	if !fresh {
		return nil
	}
	s.fill++
	mask := len(s.table) - 1
	if s.fill*5 < mask*3 {
		return nil
	}
	if s.used > 50000 {
		s.resize(s.used * 2)
	} else {
		s.resize(s.used * 4)
	}
	return nil
}

// Add inserts v.
func (s *Set) Add(t *Thread, v Value) error {
	h, err := t.setKeyHash(v)
	if err != nil {
		return err
	}
	return s.addEntry(t, v, h)
}

// Has reports membership (`v in s`; an unhashable set is looked up as
// the equal frozenset, as CPython does).
func (s *Set) Has(t *Thread, v Value) (bool, error) {
	return t.setContainsValue(s, v)
}

func (s *Set) hasEntry(t *Thread, v Value, h int64) (bool, error) {
	if s.used == 0 {
		return false, nil
	}
	_, found, _, err := s.lookup(t, v, h)
	return found, err
}

// discardEntry removes key, reporting whether it was present.
func (s *Set) discardEntry(t *Thread, key Value, h int64) (bool, error) {
	if s.used == 0 {
		return false, nil
	}
	j, found, _, err := s.lookup(t, key, h)
	if err != nil || !found {
		return false, err
	}
	s.table[j] = setEntry{key: Obj(setDummy), hash: -1}
	s.used--
	s.hashed = false
	return true, nil
}

// Discard removes v if present, reporting whether it was.
func (s *Set) Discard(t *Thread, v Value) (bool, error) {
	h, err := t.setKeyHash(v)
	if err != nil {
		return false, err
	}
	return s.discardEntry(t, v, h)
}

// insertClean is CPython's set_insert_clean: the table has no dummies
// and key is known to be absent.
func insertClean(table []setEntry, key Value, h int64) {
	mask := uint64(len(table) - 1)
	i := uint64(h) & mask
	perturb := uint64(h)
	for {
		if table[i].key.o == nil {
			table[i] = setEntry{key: key, hash: h}
			return
		}
		if i+setLinearProbes <= mask {
			for j := i + 1; j <= i+setLinearProbes; j++ {
				if table[j].key.o == nil {
					table[j] = setEntry{key: key, hash: h}
					return
				}
			}
		}
		perturb >>= setPerturbShift
		i = (i*5 + 1 + perturb) & mask
	}
}

// resize is CPython's set_table_resize: the smallest power of two
// greater than minused (at least 8), re-inserting in slot order.
func (s *Set) resize(minused int) {
	newsize := setMinSize
	for newsize <= minused {
		newsize <<= 1
	}
	old := s.table
	if newsize == setMinSize && len(old) <= setMinSize && s.fill == s.used {
		// the small table, no dummies: CPython leaves it alone
		if old == nil {
			s.table = make([]setEntry, setMinSize)
		}
		return
	}
	s.table = make([]setEntry, newsize)
	for i := range old {
		if k := old[i].key; k.o != nil && k.o != Object(setDummy) {
			insertClean(s.table, k, old[i].hash)
		}
	}
	s.fill = s.used
}

// Clear empties the set.
func (s *Set) Clear() {
	s.table = nil
	s.fill = 0
	s.used = 0
	s.hashed = false
}

// swapBodies exchanges the contents of two sets (CPython's
// set_swap_bodies), keeping each one's frozenness and pop finger.
func (s *Set) swapBodies(o *Set) {
	s.table, o.table = o.table, s.table
	s.fill, o.fill = o.fill, s.fill
	s.used, o.used = o.used, s.used
	s.hashed, o.hashed = false, false
}

// assign makes s's contents those of o (o must not be used afterwards).
func (s *Set) assign(o *Set) {
	if s == o {
		return
	}
	s.swapBodies(o)
}

// merge is CPython's set_merge: add every element of other.
func (s *Set) merge(t *Thread, other *Set) error {
	if other == s || other.used == 0 {
		return nil
	}
	if (s.fill+other.used)*5 >= s.mask()*3 {
		s.resize((s.used + other.used) * 2)
	}
	if s.table == nil {
		s.table = make([]setEntry, setMinSize)
	}
	if s.fill == 0 && len(s.table) == len(other.table) && other.fill == other.used {
		copy(s.table, other.table)
		s.fill = other.fill
		s.used = other.used
		s.hashed = false
		return nil
	}
	if s.fill == 0 {
		s.fill = other.used
		s.used = other.used
		s.hashed = false
		for i := range other.table {
			if k := other.table[i].key; k.o != nil && k.o != Object(setDummy) {
				insertClean(s.table, k, other.table[i].hash)
			}
		}
		return nil
	}
	for i := 0; i < len(other.table); i++ {
		e := other.table[i]
		if e.key.o != nil && e.key.o != Object(setDummy) {
			if err := s.addEntry(t, e.key, e.hash); err != nil {
				return err
			}
		}
	}
	return nil
}

// update is CPython's set_update_internal: add every element of an
// iterable (sets and dicts take fast paths that size the table first).
func (s *Set) update(t *Thread, it Value) error {
	switch x := it.o.(type) {
	case *Set:
		return s.merge(t, x)
	case *Dict:
		n := x.Len()
		if (s.fill+n)*5 >= s.mask()*3 {
			s.resize((s.used + n) * 2)
		}
		for _, e := range x.entries {
			if e.key.o == nil {
				continue
			}
			if err := s.addEntry(t, e.key, e.hash); err != nil {
				return err
			}
		}
		return nil
	case *List:
		for i := 0; i < len(x.items); i++ {
			if err := s.Add(t, x.items[i]); err != nil {
				return err
			}
		}
		return nil
	case *Tuple:
		for _, v := range x.items {
			if err := s.Add(t, v); err != nil {
				return err
			}
		}
		return nil
	}
	return t.iterate(it, func(v Value) error { return s.Add(t, v) })
}

// Update adds every element of an iterable.
func (s *Set) Update(t *Thread, it Value) error { return s.update(t, it) }

// pop removes and returns an arbitrary element (CPython's set_pop).
func (s *Set) pop() (Value, bool) {
	if s.used == 0 {
		return Null, false
	}
	mask := len(s.table) - 1
	i := s.finger & mask
	for {
		k := s.table[i].key
		if k.o != nil && k.o != Object(setDummy) {
			break
		}
		i++
		if i > mask {
			i = 0
		}
	}
	k := s.table[i].key
	s.table[i] = setEntry{key: Obj(setDummy), hash: -1}
	s.used--
	s.hashed = false
	s.finger = i + 1
	return k, true
}

// copySet returns a new set (or frozenset when frozen) with s's elements,
// laid out as CPython's copy would.
func (t *Thread) copySet(s *Set, frozen bool) *Set {
	n := &Set{frozen: frozen}
	n.merge(t, s) // cannot fail: no comparisons on an empty target
	return n
}

// frozenSetHash is CPython 3.11's frozenset_hash.
func frozenSetHash(s *Set) int64 {
	if s.hashed {
		return s.hash
	}
	shuffle := func(h uint64) uint64 { return ((h ^ 89869747) ^ (h << 16)) * 3644798167 }
	var h uint64
	for i := range s.table {
		if k := s.table[i].key; k.o != nil && k.o != Object(setDummy) {
			h ^= shuffle(uint64(s.table[i].hash))
		}
	}
	h ^= (uint64(s.used) + 1) * 1927868237
	h ^= (h >> 11) ^ (h >> 25)
	h = h*69069 + 907133923
	if int64(h) == -1 {
		h = 590923713
	}
	s.hash = int64(h)
	s.hashed = true
	return s.hash
}

// setIter iterates over a set in slot order.
type setIter struct {
	s    *Set
	pos  int
	used int // the set's size when iteration started; -1 after an error
	done bool
}

// Type implements Object.
func (*setIter) Type() *Type { return setIterType }

var setIterType *Type

func newSetIter(s *Set) *setIter { return &setIter{s: s, used: s.used} }

// next is the iterator's __next__.
func (it *setIter) next() (Value, bool, error) {
	if it.done {
		return Null, false, nil
	}
	if it.used != it.s.used {
		it.used = -1
		return Null, false, Errorf(RuntimeErrorType, "Set changed size during iteration")
	}
	e, ok := it.s.next(&it.pos)
	if !ok {
		it.done = true
		return Null, false, nil
	}
	return e.key, true, nil
}

// attrcache.go implements the inline caches of LOAD_ATTR, STORE_ATTR and
// LOAD_METHOD on instances of user classes: each instruction remembers the
// class it last saw (and that class's version, bumped whenever the class or
// a base changes) together with what the class's MRO holds for the name,
// so a hit skips the MRO lookup entirely.

package vm

import "sync/atomic"

// typeVersions hands out class versions.
var typeVersions atomic.Uint64

// attrCache is one instruction's cache entry.
type attrCache struct {
	typ  *Type
	ver  uint64
	attr Value // the class attribute (NULL: none)
	kind uint8
	hint int32 // where the name was last found in an instance dict
}

// Kinds of cached class attributes.
const (
	cachePlain    = iota // absent, or a plain value: the instance dict wins
	cacheFunction        // a Python function: a method
	cacheSlow            // a descriptor, slot, or anything needing the general path
	// cacheBuiltinMethod: LOAD_METHOD on a value of built-in type typ
	// found the method descriptor attr (built-in types are immutable)
	cacheBuiltinMethod
)

// attrCacheFor returns the cache entry of instruction pc.
func (rt *codeRT) attrCacheFor(pc int) *attrCache {
	if rt.acache == nil {
		rt.acache = make([]attrCache, len(rt.instrs))
	}
	return &rt.acache[pc]
}

// fill records what cls's MRO holds for name.
func (c *attrCache) fill(cls *Type, name *Str) {
	a := cls.Lookup(name)
	c.typ = cls
	c.ver = cls.version
	c.attr = a
	switch a.o.(type) {
	case nil:
		c.kind = cachePlain
	case *Function:
		c.kind = cacheFunction
	case *Property, *Instance, *ClassMethod, *StaticMethod, *MethodDescr, *Builtin:
		c.kind = cacheSlow
	default:
		c.kind = cachePlain
	}
	if cls.slots != nil && cls.slotIndex(name.s) >= 0 {
		c.kind = cacheSlow
	}
	if cls.hasGetattribute || cls.payload != nil {
		c.kind = cacheSlow
	}
}

// cachedLoadAttr is LOAD_ATTR on an instance of a user class, through the
// cache; ok is false when the general path must run.
func (t *Thread) cachedLoadAttr(c *attrCache, in *Instance, name *Str) (Value, bool) {
	cls := in.cls
	if c.typ != cls || c.ver != cls.version {
		c.fill(cls, name)
	}
	if c.kind == cacheSlow {
		return Null, false
	}
	if in.dict != nil {
		if v, ok := in.dict.getStrHint(name, &c.hint); ok {
			return v, true
		}
	}
	switch c.kind {
	case cachePlain:
		if c.attr.o != nil {
			return c.attr, true
		}
	case cacheFunction:
		return Obj(&Method{fn: c.attr, self: Obj(in)}), true
	}
	return Null, false
}

// cachedLoadMethod is LOAD_METHOD on an instance of a user class.
func (t *Thread) cachedLoadMethod(c *attrCache, in *Instance, name *Str) (Value, Value, bool) {
	cls := in.cls
	if c.typ != cls || c.ver != cls.version {
		c.fill(cls, name)
	}
	if c.kind != cacheFunction {
		return Null, Null, false
	}
	if in.dict != nil {
		if v, ok := in.dict.GetStr(name); ok {
			return v, Null, true
		}
	}
	return c.attr, Obj(in), true
}

// cachedStoreAttr is STORE_ATTR on an instance of a user class; ok is
// false when the general path must run.
func (t *Thread) cachedStoreAttr(c *attrCache, in *Instance, name *Str, v Value) bool {
	cls := in.cls
	if cls.hasSetattr || in.dict == nil {
		return false
	}
	if c.typ != cls || c.ver != cls.version {
		c.fill(cls, name)
	}
	if c.kind == cacheSlow {
		return false
	}
	in.dict.setStrHint(name, v, &c.hint)
	return true
}

// getStrHint is GetStr trying entry *hint first and remembering where the
// key was found.
func (d *Dict) getStrHint(k *Str, hint *int32) (Value, bool) {
	if h := int(*hint); h < len(d.entries) && d.entries[h].key.o == Object(k) {
		return d.entries[h].val, true
	}
	i := d.findStr(k)
	if i < 0 {
		return Null, false
	}
	*hint = int32(i)
	return d.entries[i].val, true
}

// setStrHint is SetStr trying entry *hint first.
func (d *Dict) setStrHint(k *Str, v Value, hint *int32) {
	if h := int(*hint); h < len(d.entries) && d.entries[h].key.o == Object(k) {
		d.entries[h].val = v
		d.ver++
		return
	}
	d.SetStr(k, v)
	if i := d.findStr(k); i >= 0 {
		*hint = int32(i)
	}
}

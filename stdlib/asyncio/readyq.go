// readyq.go is the event loop's ready queue: a FIFO of small work items
// held by value in 4 KB blocks. Spawning many tasks at once grows it a
// block at a time (no doubling, so no outgrown arrays left behind); as it
// drains it keeps a few spare blocks, so that scheduling a task step or a
// done callback allocates nothing in steady state, and hands the rest to
// a pool that the next burst reuses and the garbage collector empties.

package asyncio

import (
	"sync"
	"unsafe"

	"yflow/vm"
)

// itemKind says what a ready item runs.
type itemKind uint8

const (
	itemHandle  itemKind = iota // a Handle (call_soon, timers, readers)
	itemStep                    // task.step(exc)
	itemWakeup                  // task.wakeup(fut): a done callback
	itemFutCall                 // fn(fut): a Python done callback
)

// item is one unit of ready work. It is kept to three words, since a
// queue may hold one for every task of the program; what p points to
// depends on kind.
type item struct {
	kind itemKind
	// fut is the task's own Future (itemStep) or the done future
	// (itemWakeup, itemFutCall).
	fut *Future
	// p is the *Handle (itemHandle), the *vm.Exception to throw in or nil
	// (itemStep), the *Task to wake (itemWakeup) or the *vm.Value callable
	// (itemFutCall).
	p unsafe.Pointer
}

func handleItem(h *Handle) item { return item{kind: itemHandle, p: unsafe.Pointer(h)} }

func stepItem(tk *Task, exc *vm.Exception) item {
	return item{kind: itemStep, fut: &tk.Future, p: unsafe.Pointer(exc)}
}

func wakeupItem(tk *Task, fut *Future) item {
	return item{kind: itemWakeup, fut: fut, p: unsafe.Pointer(tk)}
}

func futCallItem(fn *vm.Value, fut *Future) item {
	return item{kind: itemFutCall, fut: fut, p: unsafe.Pointer(fn)}
}

func (it *item) handle() *Handle { return (*Handle)(it.p) }

// task is the task an itemStep or itemWakeup runs, else nil.
func (it *item) task() *Task {
	switch it.kind {
	case itemStep:
		return it.fut.asTask()
	case itemWakeup:
		return (*Task)(it.p)
	}
	return nil
}

func (it *item) exc() *vm.Exception { return (*vm.Exception)(it.p) }

func (it *item) fn() vm.Value { return *(*vm.Value)(it.p) }

// blockItems fills a block, with its link, to 4 KB; an item is three
// words (spelled out, as Sizeof(item{}) here would make the types
// recursive; TestLayout checks it).
const blockItems = (4096 - wordSize) / (3 * wordSize)

const wordSize = unsafe.Sizeof(uintptr(0))

// maxSpareBlocks is how many drained blocks the queue keeps for reuse.
const maxSpareBlocks = 4

// blockPool takes the drained blocks a queue has no room for among its
// spares. A queue that grows again before the next garbage collection
// takes them back (a burst of a million task steps and then one of a
// million wake-ups fill the same memory); otherwise the collector frees
// them.
var blockPool sync.Pool

type readyBlock struct {
	items [blockItems]item
	next  *readyBlock
}

// readyQueue is a FIFO of items: a list of blocks, popped from head at
// headIdx and pushed to tail at tailIdx.
type readyQueue struct {
	head, tail *readyBlock
	headIdx    int
	tailIdx    int
	size       int
	spare      *readyBlock // drained blocks kept for reuse, linked by next
	nspare     int
}

func (q *readyQueue) Len() int { return q.size }

// Push appends an item.
func (q *readyQueue) Push(it item) {
	if q.tail == nil || q.tailIdx == len(q.tail.items) {
		b := q.newBlock()
		if q.tail == nil {
			q.head, q.headIdx = b, 0
		} else {
			q.tail.next = b
		}
		q.tail, q.tailIdx = b, 0
	}
	q.tail.items[q.tailIdx] = it
	q.tailIdx++
	q.size++
}

// Pop removes the first item; ok is false when the queue is empty.
func (q *readyQueue) Pop() (it item, ok bool) {
	if q.size == 0 {
		return item{}, false
	}
	b := q.head
	it = b.items[q.headIdx]
	b.items[q.headIdx] = item{}
	q.headIdx++
	q.size--
	switch {
	case q.size == 0:
		// head is the tail: start it over rather than move on
		q.headIdx, q.tailIdx = 0, 0
	case q.headIdx == len(b.items):
		q.head, q.headIdx = b.next, 0
		q.release(b)
	}
	return it, true
}

func (q *readyQueue) newBlock() *readyBlock {
	b := q.spare
	if b == nil {
		if b, ok := blockPool.Get().(*readyBlock); ok {
			return b
		}
		return new(readyBlock)
	}
	q.spare, b.next = b.next, nil
	q.nspare--
	return b
}

// release takes a drained (all zero) block back: kept as a spare, or
// put in blockPool once there are enough spares.
func (q *readyQueue) release(b *readyBlock) {
	b.next = nil
	if q.nspare >= maxSpareBlocks {
		blockPool.Put(b)
		return
	}
	b.next = q.spare
	q.spare = b
	q.nspare++
}

// Clear drops every item and every block.
func (q *readyQueue) Clear() {
	*q = readyQueue{}
}

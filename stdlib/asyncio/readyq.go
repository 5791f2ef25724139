// readyq.go is the event loop's ready queue: a growable ring buffer of
// work items held by value, so scheduling a task step or a done callback
// allocates nothing once the ring has grown to the working-set size.

package asyncio

import "yflow/vm"

// itemKind says what a ready item runs.
type itemKind uint8

const (
	itemHandle  itemKind = iota // a Handle (call_soon, timers, readers)
	itemStep                    // task.step(exc)
	itemWakeup                  // task.wakeup(fut): a done callback
	itemFutCall                 // fn(fut): a Python done callback
)

// item is one unit of ready work.
type item struct {
	kind itemKind
	h    *Handle
	task *Task
	fut  *Future
	fn   vm.Value
	exc  *vm.Exception
}

// readyQueue is a FIFO ring of items.
type readyQueue struct {
	buf        []item
	head, size int
}

func (q *readyQueue) Len() int { return q.size }

// Push appends an item.
func (q *readyQueue) Push(it item) {
	if q.size == len(q.buf) {
		q.grow()
	}
	i := q.head + q.size
	if i >= len(q.buf) {
		i -= len(q.buf)
	}
	q.buf[i] = it
	q.size++
}

// Pop removes the first item; ok is false when the queue is empty.
func (q *readyQueue) Pop() (it item, ok bool) {
	if q.size == 0 {
		return item{}, false
	}
	it = q.buf[q.head]
	q.buf[q.head] = item{}
	q.head++
	if q.head == len(q.buf) {
		q.head = 0
	}
	q.size--
	return it, true
}

func (q *readyQueue) grow() {
	n := len(q.buf) * 2
	if n == 0 {
		n = 16
	}
	nb := make([]item, n)
	for i := 0; i < q.size; i++ {
		j := q.head + i
		if j >= len(q.buf) {
			j -= len(q.buf)
		}
		nb[i] = q.buf[j]
	}
	q.buf = nb
	q.head = 0
}

// Clear drops every item.
func (q *readyQueue) Clear() {
	for q.size > 0 {
		q.Pop()
	}
}

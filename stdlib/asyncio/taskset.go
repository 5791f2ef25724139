// taskset.go is the event loop's set of live tasks (what all_tasks
// reports): an array kept in fixed-size chunks, so registering a million
// tasks copies nothing and leaves no outgrown arrays behind, with each
// task holding its index so that removal is a swap with the last.

package asyncio

// taskChunk is how many tasks a chunk holds (4 KB of pointers).
const taskChunk = 512

// taskSet holds tasks at indexes 0..n-1, in chunks of taskChunk.
type taskSet struct {
	chunks []*[taskChunk]*Task
	n      int
	// spare is the last chunk to have emptied, kept so that a set going
	// back and forth across a chunk boundary does not allocate each time.
	spare *[taskChunk]*Task
}

func (s *taskSet) Len() int { return s.n }

func (s *taskSet) slot(i int) **Task { return &s.chunks[i/taskChunk][i%taskChunk] }

// add puts tk in the set.
func (s *taskSet) add(tk *Task) {
	if s.n == len(s.chunks)*taskChunk {
		c := s.spare
		if c == nil {
			c = new([taskChunk]*Task)
		}
		s.spare = nil
		s.chunks = append(s.chunks, c)
	}
	tk.idx = int32(s.n)
	*s.slot(s.n) = tk
	s.n++
}

// remove takes tk out of the set, if it is in it.
func (s *taskSet) remove(tk *Task) {
	i := int(tk.idx)
	if i < 0 || i >= s.n || *s.slot(i) != tk {
		return
	}
	last := s.n - 1
	moved := *s.slot(last)
	*s.slot(i) = moved
	moved.idx = int32(i)
	*s.slot(last) = nil
	s.n = last
	tk.idx = -1
	if k := len(s.chunks) - 1; s.n == k*taskChunk {
		s.spare = s.chunks[k]
		s.chunks[k] = nil
		s.chunks = s.chunks[:k]
	}
}

// all returns the tasks, in index order, in a slice of their own.
func (s *taskSet) all() []*Task {
	out := make([]*Task, 0, s.n)
	for _, c := range s.chunks {
		k := min(s.n-len(out), taskChunk)
		out = append(out, c[:k]...)
	}
	return out
}

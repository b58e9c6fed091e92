package session

import (
	"errors"
	"fmt"
	"strings"

	"digittrainer/checkpoint"
	"digittrainer/data"
	"digittrainer/i18n"
)

// Pooling a class's drawings: a teacher collects the students' files and
// drops them all at once. Their drawings join the session's in one step
// (one Undo takes the whole pooling back), exact copies skipped, and the
// message counts each file.

// PoolFile is one file handed over for pooling: its name and bytes, or the
// error reading it failed with.
type PoolFile struct {
	Name string
	Data []byte
	Err  error
}

// Pool adds the drawings of every readable file to the session's. A file
// that cannot be read, or holds no drawings, is named and skipped; the
// others still pool. The network stays unless the files bring more classes.
func (s *Session) Pool(files []PoolFile) {
	d := s.data.Clone()
	var parts, bad []string
	total := 0
	for _, f := range files {
		o, err := poolData(f)
		if err != nil {
			bad = append(bad, fmt.Sprintf("%s (%v)", f.Name, Plain(err)))
			continue
		}
		if n := len(o.Classes); n > len(d.Classes) {
			if d, err = d.WithClasses(n); err != nil {
				bad = append(bad, fmt.Sprintf("%s (%v)", f.Name, Plain(err)))
				continue
			}
		}
		added, err := d.Merge(o, data.ValFraction)
		if err != nil {
			bad = append(bad, fmt.Sprintf("%s (%v)", f.Name, Plain(err)))
			continue
		}
		total += added
		part := fmt.Sprintf("%s %d", f.Name, added)
		if dup := o.Len() - added; dup > 0 {
			part += " " + i18n.Sprintf("(%d already here)", dup)
		}
		parts = append(parts, part)
	}
	if len(parts) == 0 {
		s.Fail("Nothing was pooled: %s.", strings.Join(bad, "; "))
		return
	}
	what := i18n.Sprintf("pooling %d files", len(parts))
	if n := len(d.Classes); n != s.Classes() {
		if err := s.fresh(what, s.withClasses(n), s.seed); err != nil {
			s.Fail("Nothing was pooled: %v.", Plain(err))
			return
		}
	} else {
		s.remember(what, false)
		s.halt()
	}
	s.data, s.selected = d, -1
	s.keepLabel()
	msg := i18n.Sprintf("Pooled %d drawings from %d files: %s.", total, len(parts), strings.Join(parts, ", "))
	if len(bad) > 0 {
		msg += " " + i18n.Sprintf("Not pooled: %s.", strings.Join(bad, "; "))
	}
	s.Say("%s Undo (Ctrl+Z) takes the whole pooling back.", msg)
}

// poolData is the drawings of a file handed over for pooling.
func poolData(f PoolFile) (*data.Dataset, error) {
	if f.Err != nil {
		return nil, f.Err
	}
	l, err := checkpoint.Load(f.Data)
	if err != nil {
		return nil, err
	}
	if l.Data == nil || l.Data.Len() == 0 {
		return nil, errors.New(i18n.Mark("no drawings in it"))
	}
	return l.Data, nil
}

package screen

import "testing"

// TestTeacherHides: a lesson link's Hide option takes the named panels
// and controls off the screen, and only those.
func TestTeacherHides(t *testing.T) {
	open := NewLayout(1280, 800, 1, Options{Classes: 2})
	hid := NewLayout(1280, 800, 1, Options{Classes: 2, Hide: "network,setHidden,reset"})
	if hid.Visible(PanelNetwork) || !open.Visible(PanelNetwork) {
		t.Errorf("network visible: %v hidden, %v open", hid.Visible(PanelNetwork), open.Visible(PanelNetwork))
	}
	for _, name := range []string{"setHidden", "reset"} {
		if _, ok := hid.ControlNamed(name); ok {
			t.Errorf("%s is on screen though the link hides it", name)
		}
		if _, ok := open.ControlNamed(name); !ok {
			t.Errorf("%s is missing without a link", name)
		}
	}
	for _, name := range []string{"setLR", "train", "add"} {
		if _, ok := hid.ControlNamed(name); !ok {
			t.Errorf("%s was hidden though the link does not name it", name)
		}
	}
}

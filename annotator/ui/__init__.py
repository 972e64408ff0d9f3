"""Everything Qt and pyqtgraph: the window, the right-to-left text view, panels, plots."""

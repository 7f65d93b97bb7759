"""What the tests share besides fixtures: paths, runs of kompass, tools, and the documents they build."""

package main

import "github.com/httpcodes/httpcodes/config"

// loadConfig reads the named configuration file, or the one found from dir
// upward, for the commands that take a project's own codes (explain, site);
// no file is an empty configuration.
func loadConfig(named, dir string) (*config.Config, error) {
	path := named
	if path == "" {
		path = config.Find(dir)
	}
	if path == "" {
		return nil, nil
	}
	return config.Load(path)
}

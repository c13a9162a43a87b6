"""Live minute-taking: the register, declarations, each item's minute, resolutions and actions."""

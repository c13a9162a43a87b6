"""The action log screen: all actions and recommendations, their progress, and the partners' spreadsheet."""

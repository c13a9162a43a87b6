"""The directory screens: committees with their members, people, and organisations."""

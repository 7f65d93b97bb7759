"""Stage 3: raw report records become canonical, validated rows."""

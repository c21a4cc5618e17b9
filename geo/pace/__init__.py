"""How control changed over time: shares on every held day, ground gained and regained per
month, the pace of the advance and how long taking an area would take at it."""

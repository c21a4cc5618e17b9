"""What the product draws: the Leaflet map base and layers (folium), finished map pages kept on
disk, the offline map assets, the static slide figure and the timelapse."""

package uk.pathways.dashboard;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Draws the problem profile's map as SVG on the server: the county's bounding box in Web Mercator, each located
 * point as a dot. With {@code pathways.profile.map.tiles} (a URL template like
 * {@code https://tiles.example/{z}/{x}/{y}.png}, empty by default) the tiles that cover the box are drawn under the
 * points; without it nothing is fetched from anywhere and the points stand on a plain box. The table beside the map
 * holds the same points (the map is decorative for assistive technology).
 */
@Component
class ProfileMap {

    static final int WIDTH = 600;

    private final String tiles;
    private final String attribution;
    private final double south;
    private final double west;
    private final double north;
    private final double east;

    ProfileMap(
            @Value("${pathways.profile.map.tiles:}") String tiles,
            @Value("${pathways.profile.map.attribution:}") String attribution,
            @Value("${pathways.profile.map.bounds:51.97,-1.35,52.65,-0.33}") List<Double> bounds) {
        if (bounds.size() != 4 || bounds.get(0) >= bounds.get(2) || bounds.get(1) >= bounds.get(3)) {
            throw new IllegalStateException(
                    "pathways.profile.map.bounds must be south,west,north,east in degrees, south < north, west < east");
        }
        this.tiles = tiles == null ? "" : tiles.strip();
        this.attribution = attribution == null ? "" : attribution.strip();
        this.south = bounds.get(0);
        this.west = bounds.get(1);
        this.north = bounds.get(2);
        this.east = bounds.get(3);
    }

    /** A point, numbered as its row in the table beside the map. */
    record Dot(double x, double y, int number) {}

    record Tile(double x, double y, double size, String href) {}

    record View(int width, int height, List<Dot> dots, List<Tile> tiles, String attribution, int outside) {}

    View draw(List<ProblemProfile.Location> locations) {
        double height = Math.round((mercY(south) - mercY(north)) / (mercX(east) - mercX(west)) * WIDTH);
        List<Dot> dots = new ArrayList<>();
        int outside = 0;
        for (int i = 0; i < locations.size(); i++) {
            ProblemProfile.Location l = locations.get(i);
            if (!l.placed()) {
                continue;
            }
            double lat = l.latitude().doubleValue();
            double lon = l.longitude().doubleValue();
            if (lat < south || lat > north || lon < west || lon > east) {
                outside++;
                continue;
            }
            dots.add(new Dot(x(lon), y(lat), i + 1));
        }
        return new View(WIDTH, (int) height, dots, tiles(), tiles.isEmpty() ? "" : attribution, outside);
    }

    /** The tiles covering the box, at the zoom where the box is about four tiles wide. */
    private List<Tile> tiles() {
        List<Tile> out = new ArrayList<>();
        if (tiles.isEmpty()) {
            return out;
        }
        int zoom = Math.max(0, Math.min(18, (int) Math.floor(Math.log(4 / (mercX(east) - mercX(west))) / Math.log(2))));
        int n = 1 << zoom;
        int x0 = (int) Math.floor(mercX(west) * n);
        int x1 = (int) Math.floor(mercX(east) * n);
        int y0 = (int) Math.floor(mercY(north) * n);
        int y1 = (int) Math.floor(mercY(south) * n);
        double scale = WIDTH / (mercX(east) - mercX(west));
        for (int tx = x0; tx <= x1; tx++) {
            for (int ty = y0; ty <= y1; ty++) {
                String href = tiles.replace("{z}", String.valueOf(zoom))
                        .replace("{x}", String.valueOf(tx))
                        .replace("{y}", String.valueOf(ty))
                        .replace("{s}", "a");
                out.add(new Tile(
                        (tx / (double) n - mercX(west)) * scale,
                        (ty / (double) n - mercY(north)) * scale,
                        scale / n,
                        href));
            }
        }
        return out;
    }

    private double x(double lon) {
        return round((mercX(lon) - mercX(west)) / (mercX(east) - mercX(west)) * WIDTH);
    }

    private double y(double lat) {
        return round((mercY(lat) - mercY(north)) / (mercX(east) - mercX(west)) * WIDTH);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    /** Web Mercator, 0 to 1 across the world. */
    static double mercX(double lon) {
        return (lon + 180) / 360;
    }

    static double mercY(double lat) {
        double r = Math.toRadians(lat);
        return (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2;
    }
}

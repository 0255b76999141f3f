package fr.medsaas.platform.constructs.observability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The JSON body of the platform's dashboard (OBS-4), plain Java: a title, the state of every
 * alarm, then one graph per alarm showing its metric against its threshold or band. Alarm ARNs
 * are written with {@code Fn::Sub} variables for the partition and account.
 */
public final class DashboardBody {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DashboardBody() {
    }

    /** The body, a template for {@code Fn::Sub}. */
    public static String of(String title, String region, List<String> alarmNames) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode widgets = body.putArray("widgets");
        ObjectNode text = widgets.addObject().put("type", "text").put("width", 24).put("height", 2);
        text.putObject("properties").put("markdown", "# " + title
                + "\nAlarms notify the alerts topic on ALARM and OK (OBS-3); security events arrive there too (OBS-5).");
        ObjectNode status = widgets.addObject().put("type", "alarm").put("width", 24).put("height", 4);
        ObjectNode statusProps = status.putObject("properties").put("title", "Alarms");
        ArrayNode all = statusProps.putArray("alarms");
        alarmNames.forEach(n -> all.add(PlatformAlarms.arnForSub(region, n)));
        for (String name : alarmNames) {
            ObjectNode graph = widgets.addObject().put("type", "metric").put("width", 8).put("height", 6);
            ObjectNode props = graph.putObject("properties").put("title", name).put("region", region)
                    .put("view", "timeSeries").put("stacked", false);
            props.putObject("annotations").putArray("alarms").add(PlatformAlarms.arnForSub(region, name));
        }
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package fr.medsaas.platform.constructs.observability;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awscdk.services.cloudwatch.CfnAlarm;
import software.constructs.Construct;

/**
 * The alarms of {@link AlarmCatalog} (OBS-2, OBS-3), each notifying the alerts topic when it
 * fires and when it clears: whoever was woken up learns that it is over.
 */
public final class PlatformAlarms extends Construct {
    private final List<String> alarmNames = new ArrayList<>();

    public PlatformAlarms(Construct scope, String id, PlatformAlarmsProps props) {
        super(scope, id);
        for (AlarmSpec spec : props.alarms()) {
            String name = props.namePrefix() + "-" + spec.nameSuffix();
            CfnAlarm.Builder alarm = CfnAlarm.Builder.create(this, spec.id())
                    .alarmName(name)
                    .alarmDescription(spec.description() + " (" + spec.requirement() + ")")
                    .comparisonOperator(spec.comparison())
                    .evaluationPeriods(spec.evaluationPeriods())
                    .datapointsToAlarm(spec.evaluationPeriods())
                    .treatMissingData(spec.missingData())
                    .actionsEnabled(true)
                    .alarmActions(List.of(props.topicArn()))
                    .okActions(List.of(props.topicArn()))
                    .metrics(spec.queries().stream().map(PlatformAlarms::query).toList());
            spec.threshold().ifPresent(alarm::threshold);
            spec.thresholdMetricId().ifPresent(alarm::thresholdMetricId);
            alarm.build();
            alarmNames.add(name);
        }
    }

    private static CfnAlarm.MetricDataQueryProperty query(AlarmSpec.Query q) {
        CfnAlarm.MetricDataQueryProperty.Builder b = CfnAlarm.MetricDataQueryProperty.builder()
                .id(q.id()).label(q.label()).returnData(q.returnData());
        q.expression().ifPresent(b::expression);
        q.metric().ifPresent(m -> b.metricStat(CfnAlarm.MetricStatProperty.builder()
                .metric(CfnAlarm.MetricProperty.builder()
                        .namespace(m.namespace())
                        .metricName(m.name())
                        .dimensions(m.dimensions().entrySet().stream().map(e -> CfnAlarm.DimensionProperty.builder()
                                .name(e.getKey()).value(e.getValue()).build()).toList())
                        .build())
                .stat(m.statistic())
                .period(m.periodSeconds())
                .build()));
        return b.build();
    }

    /** The alarms' names, in the catalogue's order. */
    public List<String> alarmNames() {
        return List.copyOf(alarmNames);
    }

    /** The ARN of an alarm of this account and region, as a CloudFormation {@code Fn::Sub} variable string. */
    static String arnForSub(String region, String alarmName) {
        return "arn:${AWS::Partition}:cloudwatch:" + region + ":${AWS::AccountId}:alarm:" + alarmName;
    }
}

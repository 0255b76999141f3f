package fr.medsaas.platform.constructs.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.services.ec2.AllocateCidrRequest;
import software.amazon.awscdk.services.ec2.AllocatedSubnet;
import software.amazon.awscdk.services.ec2.IIpAddresses;
import software.amazon.awscdk.services.ec2.RequestedSubnet;
import software.amazon.awscdk.services.ec2.SubnetIpamOptions;
import software.amazon.awscdk.services.ec2.VpcIpamOptions;

/**
 * Hands the VPC the exact CIDRs of the configuration (10.0.1.0/24, 10.0.10.0/24, ...) instead of
 * CDK's sequential allocation, so the subnets match NET-2 and the source, with no escape hatch.
 */
final class ConfiguredIpAddresses implements IIpAddresses {
    private final String vpcCidr;
    private final Map<String, List<String>> cidrsByGroup;

    /**
     * @param vpcCidr      the VPC block
     * @param cidrsByGroup for each subnet group name, its CIDRs in the order of the zones
     */
    ConfiguredIpAddresses(String vpcCidr, Map<String, List<String>> cidrsByGroup) {
        this.vpcCidr = vpcCidr;
        this.cidrsByGroup = Map.copyOf(cidrsByGroup);
    }

    @Override
    public VpcIpamOptions allocateVpcCidr() {
        return VpcIpamOptions.builder().cidrBlock(vpcCidr).build();
    }

    @Override
    public SubnetIpamOptions allocateSubnetsCidr(AllocateCidrRequest request) {
        Map<String, Integer> next = new java.util.HashMap<>();
        List<AllocatedSubnet> out = new ArrayList<>();
        for (RequestedSubnet subnet : request.getRequestedSubnets()) {
            String group = subnet.getConfiguration().getName();
            List<String> cidrs = cidrsByGroup.get(group);
            int i = next.merge(group, 1, Integer::sum) - 1;
            if (cidrs == null || i >= cidrs.size()) {
                throw new IllegalStateException("no configured CIDR for subnet " + i + " of group " + group);
            }
            out.add(AllocatedSubnet.builder().cidr(cidrs.get(i)).build());
        }
        return SubnetIpamOptions.builder().allocatedSubnets(out).build();
    }
}

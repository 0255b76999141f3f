package fr.medsaas.platform.constructs.delivery;

import software.amazon.awscdk.services.kms.IKey;

/**
 * An ECR repository of the platform's images.
 *
 * @param repositoryName          the repository's name ({@code medical-saas-django})
 * @param key                     the delivery key that encrypts its images
 * @param imagesKept              tagged images kept, the newest
 * @param untaggedImageExpiryDays days after which an untagged image expires
 */
public record ImageRepositoryProps(String repositoryName, IKey key, int imagesKept, int untaggedImageExpiryDays) {
}

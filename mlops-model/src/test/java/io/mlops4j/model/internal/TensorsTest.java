package io.mlops4j.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tensorflow.proto.ConfigProto;

class TensorsTest {
  @Test
  void sessionConfigAppliesBothThreadCountsWithAnInterOpPoolPerSession() {
    ConfigProto config = Tensors.config(1, 3);

    assertThat(config.getIntraOpParallelismThreads()).isEqualTo(1);
    assertThat(config.getInterOpParallelismThreads()).isEqualTo(3);
    // without it every session of the JVM shares the first session's global inter-op pool, and
    // parallel trainers with one inter-op thread each run one after another
    assertThat(config.getUsePerSessionThreads()).isTrue();
  }
}

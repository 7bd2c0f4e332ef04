package org.salescomp.testing;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.salescomp.testing.Frames.row;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The assertion itself: an unrounded amount never passes as a rounded one. */
@Tag("fast")
class DataFrameAssertTest {
  @Test
  void anUnroundedAmountFailsOnItsTypeNotCastToTheExpectedOne() {
    // 720.004 as a line before rounding, DECIMAL(24,8); the published type is DECIMAL(18,2)
    assertThatThrownBy(() -> DataFrameAssert.assertSameRows(Frames.of("amount decimal(18,2)", row("720.00")),
        Frames.of("amount decimal(24,8)", row("720.004"))))
        .isInstanceOf(AssertionError.class).hasMessageContaining("amount is decimal(24,8), expected decimal(18,2)");
  }

  @Test
  void sameTypeDifferentCentFails() {
    assertThatThrownBy(() -> DataFrameAssert.assertSameRows(Frames.of("amount decimal(18,2)", row("720.00")),
        Frames.of("amount decimal(18,2)", row("720.01")))).isInstanceOf(AssertionError.class);
  }

  @Test
  void sameTypeAndValuePassWhateverTheNullability() {
    assertThatCode(() -> DataFrameAssert.assertSameRows(Frames.of("amount decimal(18,2)", row("720.00")),
        Frames.of("amount decimal(18,2) not null", row("720.00")))).doesNotThrowAnyException();
  }

  @Test
  void aFixtureCannotHoldMoreDecimalsThanItsColumn() {
    assertThatThrownBy(() -> Frames.of("amount decimal(18,2)", row("720.004")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("720.004 does not fit decimal(18,2)");
  }
}
